/**
 * Access to the Deno Jupyter kernel from library code. `Deno.jupyter` is a getter that throws outside the
 * kernel (while `"jupyter" in Deno` is true even there), so every access goes through {@link jupyter}.
 * @module
 */

/** A MIME bundle as Jupyter displays it. */
export type MimeBundle = Record<string, string>;

/** The symbol Deno's kernel looks for to display a value (`Deno.jupyter.$display`). */
export const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/** The kernel API when running inside `deno jupyter`, otherwise `undefined`. */
export function jupyter(): typeof Deno.jupyter | undefined {
  try {
    return typeof Deno.jupyter.display === "function" ? Deno.jupyter : undefined;
  } catch {
    return undefined;
  }
}

/** Escape text for HTML (the kernel's `html` template does not escape interpolations). */
export function escapeHTML(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** Base64 of bytes, chunked so large PNGs do not overflow the call stack. */
export function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}
