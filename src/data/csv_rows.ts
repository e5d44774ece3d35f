/**
 * The JS reader of plain long CSV files (`engine: "js"` of `scanLong`; no DuckDB): the bytes of each file
 * are scanned once for delimiters and line ends, the code fields are interned straight from their bytes
 * (a hash table over the bytes: a string is built only for a new code), the numbers are parsed from their
 * bytes, and every row goes into typed arrays (region id, sector id, year, value). Rows are checked as the
 * DuckDB scan checks them, with the same issues: a row with another number of fields than the header or a
 * field that is not a number is a "rejected" row (DuckDB's `reject_errors`), an empty code, an empty or
 * non-finite value or a year that is not a 32-bit integer an invalid row.
 *
 * What the reader does not read (design choice: it reads what it can reproduce exactly, and says what it
 * cannot): a file with a double quote anywhere (RFC 4180 quoting; DuckDB's sniffer decides how to read
 * it), bare CR line ends, bytes that are not UTF-8 in a code. `scanLong`'s `engine: "auto"` hands such a
 * file to DuckDB; `engine: "js"` refuses it with a {@link ValidationError} saying why.
 * @module
 */
import type { ValidationIssue } from "../core/validation_error.ts";

/** Byte-keyed interning of codes: ids in order of first appearance, strings built once per code. */
export class CodeInterner {
  /** The codes, indexed by id. */
  readonly labels: string[] = [];
  #pool = new Uint8Array(1 << 12);
  #used = 0;
  #start = new Int32Array(256);
  #length = new Int32Array(256);
  #table = new Int32Array(1 << 10).fill(-1);
  #decoder = new TextDecoder("utf-8", { fatal: true });
  /** Set when a new code was not valid UTF-8 (its bytes are then not interned). */
  invalid = false;

  /** The id of the code in `bytes[s, e)` (a non-empty range). */
  intern(bytes: Uint8Array, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ bytes[i]!, 16777619);
    return this.internHashed(bytes, s, e, h);
  }

  /** {@link CodeInterner.intern} with the FNV-1a hash `h` of the bytes already computed (while scanning). */
  internHashed(bytes: Uint8Array, s: number, e: number, h: number): number {
    const table = this.#table, mask = table.length - 1, len = e - s;
    const pool = this.#pool, start = this.#start, length = this.#length;
    for (let slot = h & mask;; slot = (slot + 1) & mask) {
      const id = table[slot]!;
      if (id < 0) return this.#add(bytes, s, e, slot);
      if (length[id] === len) {
        const p = start[id]! - s;
        let i = s;
        while (i < e && pool[p + i] === bytes[i]) i++;
        if (i === e) return id;
      }
    }
  }

  #add(bytes: Uint8Array, s: number, e: number, slot: number): number {
    let text: string;
    try {
      text = this.#decoder.decode(bytes.subarray(s, e));
    } catch {
      this.invalid = true;
      return -1;
    }
    const id = this.labels.length;
    this.labels.push(text);
    if (id === this.#start.length) {
      this.#start = grow(this.#start, id * 2);
      this.#length = grow(this.#length, id * 2);
    }
    if (this.#used + (e - s) > this.#pool.length) {
      const pool = new Uint8Array(Math.max(this.#pool.length * 2, this.#used + (e - s)));
      pool.set(this.#pool.subarray(0, this.#used));
      this.#pool = pool;
    }
    this.#pool.set(bytes.subarray(s, e), this.#used);
    this.#start[id] = this.#used;
    this.#length[id] = e - s;
    this.#used += e - s;
    this.#table[slot] = id;
    if (this.labels.length * 2 > this.#table.length) this.#rehash();
    return id;
  }

  #rehash(): void {
    const table = new Int32Array(this.#table.length * 2).fill(-1), mask = table.length - 1;
    for (let id = 0; id < this.labels.length; id++) {
      let h = 0x811c9dc5;
      const s = this.#start[id]!, e = s + this.#length[id]!;
      for (let i = s; i < e; i++) h = Math.imul(h ^ this.#pool[i]!, 16777619);
      let slot = h & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.#table = table;
  }
}

function grow<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** The parsed rows, column by column (the first `n` entries of each array). */
export class RowStore {
  n = 0;
  region: Int32Array;
  sector: Int32Array;
  year: Int32Array | undefined;
  value: Float64Array | undefined;
  readonly regions = new CodeInterner();
  readonly sectors = new CodeInterner();

  constructor(capacity: number, withYear: boolean, withValue: boolean) {
    this.region = new Int32Array(capacity);
    this.sector = new Int32Array(capacity);
    this.year = withYear ? new Int32Array(capacity) : undefined;
    this.value = withValue ? new Float64Array(capacity) : undefined;
  }

  /** Make room for `more` rows (by 1.5× at least: amortised linear). */
  reserve(more: number): void {
    const need = this.n + more;
    if (need <= this.region.length) return;
    const size = Math.max(need, Math.ceil(this.region.length * 1.5));
    this.region = grow(this.region, size);
    this.sector = grow(this.sector, size);
    if (this.year) this.year = grow(this.year, size);
    if (this.value) this.value = grow(this.value, size);
  }
}

/** Where the needed columns are in a file's rows. */
export interface Layout {
  /** Number of fields of the header. */
  readonly fields: number;
  readonly region: number;
  readonly sector: number;
  /** −1 when not read (`aggregate: "count"`). */
  readonly value: number;
  /** −1 without the `year` option. */
  readonly year: number;
  /** The delimiter's byte. */
  readonly delimiter: number;
}

/** What the rows of one file had wrong, as the DuckDB scan reports it. */
export interface RowProblems {
  /** Rejected rows (first 20 in file order) and how many in all. */
  readonly rejected: ValidationIssue[];
  rejectedCount: number;
  /** Invalid rows (first 20 in file order, each with one issue per failed check) and how many in all. */
  readonly invalid: ValidationIssue[][];
  invalidCount: number;
}

/** Powers of ten exactly representable as doubles (10⁰ … 10²²). */
const POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** The outcome of the last {@link parseNumber} call: 0 a number, 1 an empty field, 2 not a number. */
let parsed = 0;
/** Where the field {@link parseNumber} read ends (its delimiter, LF, CR or quote). */
let numberEnd = 0;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** Byte classes of the scan: 0 inside a field, 1 the delimiter, 2 LF, 3 CR, 4 a double quote. */
export function byteClasses(delimiter: number): Uint8Array {
  const cls = new Uint8Array(256);
  cls[delimiter] = 1;
  cls[10] = 2;
  cls[13] = 3;
  cls[34] = 4;
  return cls;
}

/**
 * The double of the field starting at `p` (up to the next byte of a class ≠ 0, left in `numberEnd`),
 * equal to `Number(text)` bit for bit. Fast path: a plain decimal `-?digits[.digits]` of at most 15
 * digits is m / 10^k with m < 10¹⁵ and k ≤ 15, both exact doubles, so the one division is correctly
 * rounded, as `Number` is (Clinger's fast path; m · 0.1^k would not be). Anything else (exponents, a sign
 * `+`, more digits, spaces around the number, `inf`, `nan`) is decoded and read by `Number` when it is a
 * number DuckDB reads too.
 */
function parseNumber(bytes: Uint8Array, p: number, cls: Uint8Array): number {
  let i = p, b = bytes[i]!, negative = false, m = 0, digits = 0, k = 0;
  if (b === 45) {
    negative = true;
    b = bytes[++i]!;
  }
  while (b >= 48 && b <= 57) {
    m = m * 10 + (b - 48);
    digits++;
    b = bytes[++i]!;
  }
  if (b === 46) {
    b = bytes[++i]!;
    while (b >= 48 && b <= 57) {
      m = m * 10 + (b - 48);
      digits++;
      k++;
      b = bytes[++i]!;
    }
  }
  if (cls[b] !== 0 && digits > 0 && digits <= 15) {
    numberEnd = i;
    parsed = 0;
    const v = k === 0 ? m : m / POW10[k]!;
    return negative ? -v : v;
  }
  while (cls[bytes[i]!] === 0) i++;
  numberEnd = i;
  return parseSlow(bytes, p, i);
}

function parseSlow(bytes: Uint8Array, s: number, e: number): number {
  parsed = 0;
  if (s === e) {
    parsed = 1;
    return NaN;
  }
  let text = "";
  for (let i = s; i < e; i++) {
    if (bytes[i]! >= 0x80) {
      parsed = 2;
      return NaN;
    }
    text += String.fromCharCode(bytes[i]!);
  }
  text = text.trim();
  if (DECIMAL.test(text)) return Number(text);
  const special = SPECIAL.exec(text);
  if (special) return /^n/i.test(special[2]!) ? NaN : special[1] === "-" ? -Infinity : Infinity;
  parsed = 2;
  return NaN;
}

/** The text of `bytes[s, e)` for messages (invalid UTF-8 replaced: only shown, never read). */
function textOf(bytes: Uint8Array, s: number, e: number): string {
  return new TextDecoder().decode(bytes.subarray(s, e));
}

/** Field `f` of the line `bytes[s, e)` as [start, end) (the line has at least f + 1 fields). */
function fieldOf(bytes: Uint8Array, s: number, e: number, f: number, delimiter: number): [number, number] {
  let a = s;
  for (let k = 0; k < f; k++) {
    while (bytes[a] !== delimiter) a++;
    a++;
  }
  let b = a;
  while (b < e && bytes[b] !== delimiter) b++;
  return [a, b];
}

/** Where a line is, to describe it when it is wrong. */
interface LineAt {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly row: number;
}

function reject(
  bytes: Uint8Array,
  at: LineAt,
  file: string,
  layout: Layout,
  fields: number,
  problems: RowProblems,
): void {
  problems.rejectedCount++;
  if (problems.rejected.length >= 20) return;
  const line = JSON.stringify(textOf(bytes, at.start, at.end));
  if (fields !== layout.fields) {
    problems.rejected.push({
      row: at.line - 1,
      column: "(row)",
      expected: "a well-formed CSV row (as many fields as the header)",
      received: line,
      message: `line ${at.line} of ${file}: Expected Number of Columns: ${layout.fields} Found: ${fields}`,
    });
    return;
  }
  // DuckDB names the first field, in the order of the columns, that it could not convert.
  const numeric = [layout.value, layout.year].filter((f) => f >= 0).sort((a, b) => a - b);
  for (const f of numeric) {
    const [a, b] = fieldOf(bytes, at.start, at.end, f, layout.delimiter);
    parseSlow(bytes, a, b);
    if (parsed === 2) {
      problems.rejected.push({
        row: at.line - 1,
        column: f === layout.year ? "year" : "value",
        expected: f === layout.year ? "an integer year" : "a finite number",
        received: JSON.stringify(textOf(bytes, a, b)),
        message: `line ${at.line} of ${file}`,
      });
      return;
    }
  }
}

/** The checks of an invalid row, in the order of the DuckDB scan: region, sector, year, value. */
function invalid(
  bytes: Uint8Array,
  at: LineAt,
  file: string,
  layout: Layout,
  names: { readonly region: string; readonly sector: string; readonly value: string; readonly year?: string },
  problems: RowProblems,
): void {
  problems.invalidCount++;
  if (problems.invalid.length >= 20) return;
  const issues: ValidationIssue[] = [];
  const field = (f: number) => fieldOf(bytes, at.start, at.end, f, layout.delimiter);
  const add = (column: string, expected: string, [a, b]: [number, number]) =>
    issues.push({
      row: at.row,
      column,
      expected,
      received: a === b ? "null (empty)" : JSON.stringify(textOf(bytes, a, b)),
      message: `in ${file}`,
    });
  for (const [f, column] of [[layout.region, names.region], [layout.sector, names.sector]] as const) {
    const [a, b] = field(f);
    if (a === b) add(column, "a non-empty code (text)", [a, b]);
  }
  if (layout.year >= 0) {
    const [a, b] = field(layout.year);
    const y = parseSlow(bytes, a, b);
    if (parsed !== 0 || !(y === (y | 0))) add(names.year!, "an integer year", [a, b]);
  }
  if (layout.value >= 0) {
    const [a, b] = field(layout.value);
    const v = parseSlow(bytes, a, b);
    if (parsed !== 0 || !Number.isFinite(v)) add(names.value, "a finite number", [a, b]);
  }
  problems.invalid.push(issues);
}

/** Context of {@link parseRows}. */
export interface ParseContext {
  readonly file: string;
  readonly layout: Layout;
  readonly names: {
    readonly region: string;
    readonly sector: string;
    readonly value: string;
    readonly year?: string;
  };
  readonly problems: RowProblems;
}

/**
 * Parse the data lines of `bytes` from `start` (after the header) into `out`; returns why the file cannot
 * be read here (a double quote, a bare CR), or `undefined`. Blank lines are skipped (as DuckDB skips
 * them); a CR before an LF ends the line. The lines up to the last LF are scanned in place (every line
 * ends with an LF, so the loops need no bounds check); a last line without LF is copied with one.
 */
export function parseRows(
  bytes: Uint8Array,
  start: number,
  out: RowStore,
  context: ParseContext,
): string | undefined {
  const last = bytes.lastIndexOf(10);
  const crlfHeader = start >= 2 && bytes[start - 1] === 10 && bytes[start - 2] === 13;
  const at = { line: 1, row: 0, lf: crlfHeader ? 0 : 1, crlf: crlfHeader ? 1 : 0 };
  if (last >= start) {
    const stop = parseBlock(bytes, start, last + 1, out, context, at);
    if (stop) return stop;
    if (at.crlf > 0 && at.lf > 0) return `${context.file} mixes LF and CRLF line ends`;
  }
  const from = Math.max(start, last + 1);
  if (from >= bytes.length) return undefined;
  const tail = new Uint8Array(bytes.length - from + 1);
  tail.set(bytes.subarray(from));
  tail[tail.length - 1] = 10;
  const stop = parseBlock(tail, 0, tail.length, out, context, at);
  return stop ?? (at.crlf > 0 && at.lf > 1 ? `${context.file} mixes LF and CRLF line ends` : undefined);
}

/** Why a byte of class `c` (a CR not before an LF, or a quote) stops the reader. */
function stopReason(c: number): string {
  return c === 4 ? "a double quote (quoted fields are read by DuckDB)" : "a CR line end without LF";
}

/** The hot loop of {@link parseRows} over `bytes[p, end)`, whose last byte is an LF. */
function parseBlock(
  bytes: Uint8Array,
  p: number,
  end: number,
  out: RowStore,
  context: ParseContext,
  at: { line: number; row: number; lf: number; crlf: number },
): string | undefined {
  const { layout, problems } = context;
  const { fields: nf, region: ir, sector: is, value: iv, year: iy } = layout;
  const cls = byteClasses(layout.delimiter);
  const regions = out.regions, sectors = out.sectors;
  let line = at.line, row = at.row, crlf = 0;
  while (p < end) {
    line++;
    const s = p;
    if (bytes[p] === 10 || (bytes[p] === 13 && bytes[p + 1] === 10)) {
      if (bytes[p] === 13) crlf++;
      p += bytes[p] === 10 ? 1 : 2;
      continue;
    }
    row++;
    if (out.n === out.region.length) out.reserve(1);
    let f = 0, r = -1, c = -1, v = 0, y = 0, bad = 0, b = 0;
    for (;; f++) {
      const fs = p;
      if (f === ir || f === is) {
        let h = 0x811c9dc5;
        while (cls[b = bytes[p]!] === 0) {
          h = Math.imul(h ^ b, 16777619);
          p++;
        }
        const id = p === fs ? -2 : (f === ir ? regions : sectors).internHashed(bytes, fs, p, h);
        if (f === ir) r = id;
        else c = id;
      } else if (f === iv || f === iy) {
        const x = parseNumber(bytes, p, cls);
        p = numberEnd;
        b = bytes[p]!;
        if (parsed === 2) bad |= 1;
        else if (parsed === 1 || (f === iv ? x - x !== 0 : x !== (x | 0))) bad |= 2;
        if (f === iv) v = x;
        else y = x;
      } else {
        while (cls[b = bytes[p]!] === 0) p++;
      }
      let k = cls[b]!;
      if (k === 3 && bytes[p + 1] === 10) k = 2, p++, crlf++;
      else if (k > 2) return `${context.file} has ${stopReason(k)}`;
      p++;
      if (k === 2) break;
    }
    const e = p - 1 > s && bytes[p - 2] === 13 ? p - 2 : p - 1;
    if (f + 1 !== nf || (bad & 1) !== 0) {
      reject(bytes, { start: s, end: e, line, row }, context.file, layout, f + 1, problems);
    } else if ((bad & 2) !== 0 || r < 0 || c < 0) {
      // r or c −1: a code that is not UTF-8 (the interner's flag makes the file unreadable here)
      if (r !== -1 && c !== -1) {
        invalid(bytes, { start: s, end: e, line, row }, context.file, layout, context.names, problems);
      }
    } else {
      const k = out.n++;
      out.region[k] = r;
      out.sector[k] = c;
      if (out.value) out.value[k] = v;
      if (out.year) out.year[k] = y;
    }
  }
  at.crlf += crlf;
  at.lf += line - at.line - crlf;
  at.line = line;
  at.row = row;
  return undefined;
}
