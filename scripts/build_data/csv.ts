/**
 * Minimal, strict CSV reading and deterministic CSV writing for the data build (RFC 4180: quoted fields,
 * doubled quotes, LF or CRLF line ends). Cells stay text; the build parses numbers explicitly.
 * @module
 */

/** A parsed CSV: header and rows of text cells. */
export interface Csv {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Parse CSV text. Throws on a row whose width differs from the header, naming the file and line. */
export function parseCsv(text: string, file: string): Csv {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1; // byte-order mark
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (c === '"') {
      quoted = true;
      i++;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
      i++;
    } else if (c === "\n" || c === "\r") {
      row.push(cell);
      records.push(row);
      row = [];
      cell = "";
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      cell += c;
      i++;
    }
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    records.push(row);
  }
  const [header, ...rows] = records;
  if (!header) throw new Error(`${file}: empty file`);
  rows.forEach((r, k) => {
    if (r.length !== header.length) {
      throw new Error(`${file}: line ${k + 2} has ${r.length} fields, expected ${header.length}`);
    }
  });
  return { header, rows };
}

/** Index of each expected column in a parsed header; throws listing the header when one is missing. */
export function columnIndex<K extends string>(
  csv: Csv,
  file: string,
  names: readonly K[],
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of names) {
    const k = csv.header.indexOf(name);
    if (k < 0) throw new Error(`${file}: expected a column "${name}", found ${JSON.stringify(csv.header)}`);
    out[name] = k;
  }
  return out;
}

/** A cell to write: text is quoted when needed, numbers are written with `String` (shortest round-trip). */
export type Cell = string | number;

function formatCell(v: Cell): string {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`cannot write the non-finite number ${v}`);
    return String(v);
  }
  return /[",\n\r]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Write rows as CSV text with LF line ends and a final newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(formatCell).join(",")];
  for (const r of rows) lines.push(r.map(formatCell).join(","));
  return lines.join("\n") + "\n";
}

/** Compare two rows on the given column positions: numbers numerically, text by UTF-16 code units. */
export function compareRows(keys: readonly number[]): (a: readonly Cell[], b: readonly Cell[]) => number {
  return (a, b) => {
    for (const k of keys) {
      const x = a[k]!, y = b[k]!;
      if (x === y) continue;
      if (typeof x === "number" && typeof y === "number") return x - y;
      return String(x) < String(y) ? -1 : 1;
    }
    return 0;
  };
}

/** Parse a strict non-negative integer; throws naming the file, line and column. */
export function parseCount(s: string, where: string): number {
  if (!/^\d+$/.test(s)) {
    throw new Error(`${where}: expected a non-negative integer, received ${JSON.stringify(s)}`);
  }
  return Number(s);
}

/** Parse a strict decimal number; throws naming the file, line and column. */
export function parseDecimal(s: string, where: string): number {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    throw new Error(`${where}: expected a number, received ${JSON.stringify(s)}`);
  }
  return Number(s);
}
