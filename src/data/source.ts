/**
 * The reader layer every file reader goes through (`readCSV`, `readTSV`, `readJSON`, `readArrow`): the file is
 * checked (it exists, it is a file, it is not empty) and its bytes are decoded strictly in the named encoding
 * (UTF-8 by default; GBK/GB18030 and Latin-1 on request). Invalid bytes are never replaced by `�`: each
 * problem is a {@link ValidationError} naming the file, the line and the byte offset, and an encoding problem
 * says which encoding to try. 文件读取层：检查文件、严格解码。
 * @module
 */
import { fileURLToPath } from "node:url";
import { ValidationError, type ValidationIssue } from "../core/validation_error.ts";

/** Options of the file readers that decode text. */
export interface EncodingOptions {
  /**
   * The text encoding of the file (default `"utf-8"`): any label of the WHATWG Encoding Standard, e.g.
   * `"gbk"` or `"gb18030"` (Chinese statistical releases), `"latin1"` (read as Windows-1252, its superset,
   * as browsers do), `"utf-16le"`. Bytes invalid in the encoding are an error, never replaced by `�`.
   */
  readonly encoding?: string;
}

/** The bytes of a file and how to name it in messages. */
export interface SourceBytes {
  /** The file's path as given (a `file:` URL turned into a path). */
  readonly file: string;
  /** Its content. */
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** The decoded text of a file. */
export interface SourceText {
  /** The file's path as given. */
  readonly file: string;
  /** Its text (a leading byte-order mark removed). */
  readonly text: string;
}

/** The path of `path` for messages (a `file:` URL becomes a path). */
export function sourceName(path: string | URL): string {
  if (path instanceof URL) return path.protocol === "file:" ? fileURLToPath(path) : path.href;
  return path.startsWith("file://") ? fileURLToPath(path) : path;
}

/** A {@link ValidationError} about `file` (its subject says which kind of file). */
export function sourceError(
  subject: string,
  file: string,
  issues: readonly ValidationIssue[],
): ValidationError {
  return new ValidationError(subject, issues, { file });
}

function fileIssue(expected: string, received: string): ValidationIssue {
  return { column: "(file)", expected, received };
}

/**
 * Read a file's bytes: a missing file, a directory, an unreadable or empty file is a {@link ValidationError}
 * naming the file (`subject` says what was read, e.g. "CSV file"). Deno's own permission error (run without
 * `--allow-read`) passes through unchanged: it already says which flag to add.
 */
export async function readSourceBytes(path: string | URL, subject: string): Promise<SourceBytes> {
  const file = sourceName(path);
  if (path instanceof URL && path.protocol !== "file:") {
    throw sourceError(subject, file, [fileIssue("a local file (a path or a file: URL)", path.href)]);
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const info = await Deno.stat(path);
    if (info.isDirectory) {
      throw sourceError(subject, file, [
        fileIssue("a file", "a directory (read one of its files, or scan many with scanLong and a glob)"),
      ]);
    }
    bytes = await Deno.readFile(path);
  } catch (e) {
    if (e instanceof ValidationError || e instanceof Deno.errors.NotCapable) throw e;
    if (e instanceof Deno.errors.NotFound) {
      throw sourceError(subject, file, [fileIssue("an existing file", "no such file")]);
    }
    if (e instanceof Deno.errors.PermissionDenied) {
      throw sourceError(subject, file, [fileIssue("a readable file", "permission denied by the system")]);
    }
    throw sourceError(subject, file, [
      fileIssue("a readable file", `${(e as Error).name}: ${(e as Error).message}`),
    ]);
  }
  if (bytes.length === 0) throw sourceError(subject, file, [fileIssue("a non-empty file", "0 bytes")]);
  return { file, bytes };
}

/** The 1-based line of byte `offset` (counting LF bytes before it; right for every ASCII-compatible encoding). */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

function hex(bytes: Uint8Array, at: number, n = 4): string {
  return Array.from(bytes.subarray(at, at + n), (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(
    " ",
  );
}

function decoder(encoding: string, subject: string, file: string): TextDecoder {
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    throw sourceError(subject, file, [{
      column: "encoding",
      expected: 'a text encoding label, e.g. "utf-8", "gbk", "gb18030", "latin1", "utf-16le"',
      received: JSON.stringify(encoding),
    }]);
  }
}

/** Does `bytes` decode in `encoding` without an invalid sequence? */
function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The offset where the first invalid sequence of `bytes` in `encoding` starts: a binary search for the longest
 * prefix that decodes when streamed (an unfinished sequence at its end allowed), then back to the last
 * complete character before it.
 */
function firstInvalid(bytes: Uint8Array, encoding: string): number {
  const ok = (k: number, stream: boolean) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, k), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0, hi = bytes.length; // ok(lo) holds; the smallest failing prefix length lies in (lo, hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid, true)) lo = mid;
    else hi = mid;
  }
  let start = lo;
  while (start > 0 && lo - start < 4 && !ok(start, false)) start--;
  return start;
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Do the non-ASCII bytes come in pairs, as in GBK/GB18030 text (a lead and a trail byte, both ≥ 0x80 for
 * Chinese characters), rather than alone, as accented letters in Latin-1 text ("São")?
 */
function pairedHighBytes(bytes: Uint8Array): boolean {
  let even = 0, odd = 0, run = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i]! >= 0x80) run++;
    else if (run > 0) {
      if (run % 2 === 0) even++;
      else odd++;
      run = 0;
    }
  }
  return even > odd;
}

/** Which encoding to suggest for bytes that are invalid in `tried`. */
function suggestion(bytes: Uint8Array, tried: string): string {
  const nul = bytes.subarray(0, 1000).filter((b) => b === 0).length;
  if (nul > 0 && (bytes[0] === 0xff && bytes[1] === 0xfe || nul * 4 > Math.min(bytes.length, 1000))) {
    return "utf-16le";
  }
  if (tried !== "utf-8" && decodes(bytes, "utf-8")) return "utf-8";
  if (tried !== "gb18030" && tried !== "gbk" && pairedHighBytes(bytes) && decodes(bytes, "gb18030")) {
    if (CJK.test(new TextDecoder("gb18030").decode(bytes))) return "gb18030";
  }
  return "latin1";
}

const NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  gbk: "GBK",
  gb18030: "GB18030",
  "windows-1252": "Latin-1 (Windows-1252)",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
};

/**
 * Decode a file's bytes strictly in `encoding` (default UTF-8), removing a byte-order mark. Bytes invalid in
 * the encoding are a {@link ValidationError} naming the file, the line and the byte offset, with the encoding
 * to try; a file that is valid UTF-8 with non-ASCII text but was named another encoding is an error too (it
 * would be read garbled: "é" as "Ã©", "中" as "涓").
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { decodeSource } from "clusterlab/advanced";
 * const gbk = new Uint8Array([0xd5, 0xe3, 0xbd, 0xad]); // 浙江 in GBK
 * assert.equal(decodeSource(gbk, "a.csv", { encoding: "gbk" }), "浙江");
 * assert.throws(() => decodeSource(gbk, "a.csv"), /byte 0, column "\(encoding\)".*try \{ encoding: "gb18030" \}/s);
 * assert.equal(decodeSource(new Uint8Array([0x63, 0x61, 0x66, 0xe9]), "a.csv", { encoding: "latin1" }), "café");
 * ```
 */
export function decodeSource(
  bytes: Uint8Array,
  file: string,
  options: EncodingOptions & { readonly subject?: string } = {},
): string {
  const subject = options.subject ?? "text file";
  const dec = decoder(options.encoding ?? "utf-8", subject, file);
  const name = NAMES[dec.encoding] ?? dec.encoding;
  let text: string;
  try {
    text = dec.decode(bytes);
  } catch {
    const offset = firstInvalid(bytes, dec.encoding);
    const tryThis = suggestion(bytes, dec.encoding);
    throw sourceError(subject, file, [{
      line: lineOfOffset(bytes, offset),
      offset,
      column: "(encoding)",
      expected: `text in ${name}`,
      received: `bytes ${hex(bytes, offset)}, invalid in ${name}`,
      message: `the file is not ${name}: try { encoding: "${tryThis}" }`,
    }]);
  }
  if (dec.encoding !== "utf-8" && !dec.encoding.startsWith("utf-16")) {
    checkNotUTF8(bytes, file, subject, name);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The length of the UTF-8 sequence a lead byte starts. */
function utf8Length(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/** A file named as another encoding that is valid UTF-8 with multi-byte characters would be read garbled. */
function checkNotUTF8(bytes: Uint8Array, file: string, subject: string, name: string): void {
  const first = bytes.findIndex((b) => b >= 0x80);
  if (first < 0 || !decodes(bytes, "utf-8")) return;
  throw sourceError(subject, file, [{
    line: lineOfOffset(bytes, first),
    offset: first,
    column: "(encoding)",
    expected: `text in ${name}`,
    received: `UTF-8 text (bytes ${hex(bytes, first, utf8Length(bytes[first]!))} are one UTF-8 character)`,
    message:
      `read as ${name} it would be garbled: leave out the encoding option, or use { encoding: "utf-8" }`,
  }]);
}

/** Read a file and decode it strictly ({@link readSourceBytes}, then {@link decodeSource}). */
export async function readSourceText(
  path: string | URL,
  subject: string,
  options: EncodingOptions = {},
): Promise<SourceText> {
  const { file, bytes } = await readSourceBytes(path, subject);
  return { file, text: decodeSource(bytes, file, { ...options, subject }) };
}
