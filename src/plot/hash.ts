/**
 * A short deterministic tag of a text: FNV-1a (Fowler, Noll and Vo; 32-bit, offset basis 0x811c9dc5, prime
 * 0x01000193), written as 8 hex digits. Figures and interactive widgets name their element ids with it, so
 * the same content gives the same bytes and two different charts on one page never share an id. Not a
 * cryptographic hash.
 * @module
 */

/** FNV-1a of the UTF-16 code units of `text`, as 8 lowercase hex digits (fnv1a("a") = "e40c292c"). */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
