/**
 * The display protocol shared by every room: the symbol Deno's Jupyter kernel looks for, the MIME bundle
 * it returns, and the escaping and encoding every text alternative uses. Nothing here talks to the kernel
 * (that is `src/notebook/jupyter.ts`).
 * @module
 */

/** A MIME bundle as Jupyter displays it. */
export type MimeBundle = Record<string, string>;

/** The symbol Deno's kernel looks for to display a value (`Deno.jupyter.$display`). */
export const DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/**
 * Escape text for HTML (the kernel's `html` template does not escape interpolations).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { escapeHTML } from "clusterlab/advanced";
 * assert.equal(escapeHTML(`<b title="R&D">'x'</b>`), "&lt;b title=&quot;R&amp;D&quot;&gt;&#39;x&#39;&lt;/b&gt;");
 * ```
 */
export function escapeHTML(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/**
 * Base64 of bytes (RFC 4648), chunked so large PNGs do not overflow the call stack.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { base64 } from "clusterlab/advanced";
 * assert.equal(base64(new TextEncoder().encode("Man")), "TWFu"); // RFC 4648's example
 * ```
 */
export function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

const MARKDOWN: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "|": "&#124;",
  "\\": "&#92;",
  "`": "&#96;",
  "*": "&#42;",
  "_": "&#95;",
  "[": "&#91;",
  "]": "&#93;",
  "#": "&#35;",
  "~": "&#126;",
};

/**
 * Escape text for Markdown (a table cell, a heading, a paragraph), as {@link escapeHTML} does for HTML:
 * every character Markdown or the HTML inside it would interpret (`<`, `&`, `|`, `*`, `_`, `` ` ``, `[`, `]`,
 * `#`, `~`, `\`) becomes its character reference, which every CommonMark renderer shows as the character
 * itself; a line break becomes `<br>` (a table row stays one line). Control characters are escaped as by
 * {@link escapeText}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { escapeMarkdown } from "clusterlab/advanced";
 * assert.equal(escapeMarkdown("<b>R&D</b> | *top*"), "&lt;b&gt;R&amp;D&lt;/b&gt; &#124; &#42;top&#42;");
 * assert.equal(escapeMarkdown("two\nlines"), "two<br>lines");
 * ```
 */
export function escapeMarkdown(text: string): string {
  return escapeText(text.replace(/[&<>|\\`*_[\]#~]/g, (c) => MARKDOWN[c]!)).replace(/\r?\n/g, "<br>");
}

/**
 * Escape text for a plain-text alternative (`text/plain`), the way {@link escapeHTML} makes HTML inert:
 * control characters (ANSI escape sequences, carriage returns, bells) and the bidirectional overrides that can
 * reorder what a terminal or a notebook shows are written as visible `\u{…}` escapes. Line breaks and tabs
 * stay.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { escapeText } from "clusterlab/advanced";
 * assert.equal(escapeText("\u001b[31mred\u001b[0m"), "\\u{1b}[31mred\\u{1b}[0m");
 * assert.equal(escapeText("a\tb\nc"), "a\tb\nc");
 * ```
 */
export function escapeText(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** C0 and C1 controls but tab and line feed, and the bidirectional marks, embeddings, overrides and isolates. */
// deno-lint-ignore no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
