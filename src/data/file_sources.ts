/**
 * The files a DuckDB scan reads: one path, a list, or glob patterns (`data/*.parquet`,
 * `patents/year=*\/part-*.parquet`, `**` for any depth), local files only. Each source is checked before any
 * SQL runs: a missing file, a glob that matches nothing, an unknown extension or a mix of formats is a
 * {@link ValidationError} naming it.
 * @module
 */
import { fileURLToPath } from "node:url";
import { ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { type Engine, sqlString } from "./duckdb_engine.ts";

/** Where to read from: a path or `file:` URL, a glob pattern, or a list of them. */
export type FileSource = string | URL | readonly (string | URL)[];

/** File formats DuckDB reads here: Parquet, delimited text (comma), tab-separated text. */
export type FileFormat = "parquet" | "csv" | "tsv";

/** The files behind a {@link FileSource}. */
export interface ResolvedFiles {
  /** Every file, in the order given (a glob's matches sorted), without repeats. */
  readonly files: readonly string[];
  /** Their common format. */
  readonly format: FileFormat;
}

const GLOB = /[*?[]/;

/** Does `source` hold a glob pattern (expanded by DuckDB's `glob()`)? */
export function hasGlob(source: FileSource): boolean {
  const list = typeof source === "string" || source instanceof URL ? [source] : [...source];
  return list.some((s) => typeof s === "string" && GLOB.test(s));
}

/** The format of `path` from its extension (`.parquet`, `.csv`, `.tsv`, `.txt`, optionally `.gz`/`.zst`). */
export function formatOf(path: string): FileFormat | undefined {
  const p = path.toLowerCase();
  if (/\.(parquet|parq|pq)$/.test(p)) return "parquet";
  if (/\.(csv|txt)(\.(gz|gzip|zst))?$/.test(p)) return "csv";
  if (/\.tsv(\.(gz|gzip|zst))?$/.test(p)) return "tsv";
  return undefined;
}

function sourceList(source: FileSource, issues: ValidationIssue[]): string[] {
  const list = typeof source === "string" || source instanceof URL ? [source] : [...source];
  if (list.length === 0) {
    issues.push({ column: "source", expected: "a path, a glob or a non-empty list", received: "[]" });
  }
  const out: string[] = [];
  for (const s of list) {
    if (s instanceof URL) {
      if (s.protocol === "file:") out.push(fileURLToPath(s));
      else issues.push({ column: "source", expected: "a local file (path or file: URL)", received: s.href });
    } else if (typeof s === "string" && s.length > 0) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !s.startsWith("file://")) {
        issues.push({ column: "source", expected: "a local file (path or file: URL)", received: s });
      } else out.push(s.startsWith("file://") ? fileURLToPath(s) : s);
    } else {
      issues.push({ column: "source", expected: "a path, a glob or a file: URL", received: String(s) });
    }
  }
  return out;
}

async function expand(engine: Engine, pattern: string): Promise<string[]> {
  const rows = await engine.rows(`SELECT file FROM glob(${sqlString(pattern)}) ORDER BY file`);
  return rows.map((r) => String(r.file));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

/**
 * Resolve `source` to its files and their format (`format` forces one; otherwise each file's extension
 * decides, and all must agree). Globs are expanded by `engine`; without one (the JS reader, which never
 * loads DuckDB) a glob is refused: callers check {@link hasGlob} first.
 */
export async function resolveFiles(
  engine: Engine | undefined,
  source: FileSource,
  subject: string,
  format?: FileFormat,
): Promise<ResolvedFiles> {
  const issues: ValidationIssue[] = [];
  const files: string[] = [];
  for (const s of sourceList(source, issues)) {
    if (GLOB.test(s)) {
      if (engine === undefined) throw new Error(`resolveFiles: a glob (${s}) needs the DuckDB engine`);
      const matched = await expand(engine, s);
      if (matched.length === 0) {
        issues.push({ column: "source", expected: "a glob that matches at least one file", received: s });
      }
      files.push(...matched);
    } else if (await isFile(s)) files.push(s);
    else issues.push({ column: "source", expected: "an existing file", received: s });
  }
  const unique = [...new Set(files)];
  const formats = new Map<FileFormat, string>();
  for (const f of unique) {
    const fmt = format ?? formatOf(f);
    if (fmt === undefined) {
      issues.push({
        column: "source",
        expected: "a .parquet, .csv, .tsv or .txt file (optionally .gz or .zst), or the format option",
        received: f,
      });
    } else if (!formats.has(fmt)) formats.set(fmt, f);
  }
  if (formats.size > 1) {
    issues.push({
      column: "source",
      expected: "files of one format",
      received: [...formats].map(([fmt, f]) => `${fmt} (${f})`).join(", "),
    });
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return { files: unique, format: [...formats.keys()][0]! };
}
