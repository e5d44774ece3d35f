/**
 * The shape of a reliability case and how one is checked. A case is a bad or edge input to the public API
 * with the outcome a careful user expects: a {@link ValidationError} naming the file, line or byte, row,
 * column, what was expected and what was received; a named warning; or a correct result. Any other outcome
 * fails the case: another error class (a `TypeError`, a bare `SyntaxError`, a dependency's error), a
 * silent result where an error was due, or NaN/Infinity left in a result.
 * @module
 */
import assert from "node:assert/strict";
import { ValidationError } from "../../src/mod.ts";
import type { ValidationIssue } from "../../src/types.ts";
import { scanFinite } from "../../src/advanced.ts";

/** What the error must say: every field given must match one and the same issue (`file` the error). */
export interface ErrorExpect {
  /** The error's `file` ends with this (or, `true`, is set). */
  readonly file?: string | true;
  /** The message says this about what was validated ("CSV file", "result of knowledgeStock"). */
  readonly subject?: RegExp;
  readonly line?: number;
  readonly offset?: number;
  readonly row?: number;
  readonly column?: string | RegExp;
  readonly expected?: RegExp;
  readonly received?: RegExp;
  /** The issue's extra explanation (the hint: which encoding to try, what fits, which reader to use). */
  readonly message?: RegExp;
}

/** The outcome a case expects. */
export type Expect =
  | { readonly error: ErrorExpect }
  | { readonly errorClass: string; readonly text: RegExp }
  | { readonly warning: RegExp; readonly check?: (result: unknown) => void }
  | { readonly result: (result: unknown) => void };

/** One case of the catalogue. */
export interface Case {
  /** What is tried, in words: the function, the input, the edge. */
  readonly name: string;
  /** Call the public API with the input. */
  readonly run: () => unknown;
  /** The outcome expected. */
  readonly expect: Expect;
  /** Result paths whose ±Infinity is a documented limit (a steady ratio "Infinity when it forges ahead"). */
  readonly allow?: readonly string[];
}

function matches(value: unknown, want: string | RegExp | number | undefined): boolean {
  if (want === undefined) return true;
  if (want instanceof RegExp) return want.test(String(value));
  return value === want;
}

function issueMatches(i: ValidationIssue, e: ErrorExpect): boolean {
  return matches(i.line, e.line) && matches(i.offset, e.offset) && matches(i.row, e.row) &&
    matches(i.column, e.column) && matches(i.expected, e.expected) && matches(i.received, e.received) &&
    matches(i.message, e.message);
}

/** The warnings a result carries (`warnings` of a Matrix, a Series or a `{ …, warnings }` result). */
export function warningsOf(result: unknown): readonly string[] {
  const w = (result as { warnings?: unknown } | null)?.warnings;
  return Array.isArray(w) ? w : [];
}

/** No NaN or ±Infinity in a result that is not explained by its warnings (or allowed as a documented limit). */
export function assertFinite(result: unknown, allow: readonly string[] = []): void {
  const nanNamed = warningsOf(result).some((w) => w.includes("NaN"));
  const r = scanFinite(result, { nanExplained: nanNamed, allow });
  assert.equal(r.count, 0, `non-finite values in the result: ${JSON.stringify(r.issues.slice(0, 3))}`);
}

/** Run one case and check its outcome (throws an AssertionError describing the mismatch). */
export async function check(c: Case): Promise<void> {
  let result: unknown, error: unknown, threw = false;
  try {
    result = await c.run();
  } catch (e) {
    [error, threw] = [e, true];
  }
  const x = c.expect;
  if ("error" in x) {
    assert.ok(threw, `expected a ValidationError, got a result: ${String(result).slice(0, 200)}`);
    assert.ok(
      error instanceof ValidationError,
      `expected a ValidationError, got ${(error as Error)?.name}: ${(error as Error)?.message}`,
    );
    const e = x.error;
    if (e.subject) assert.match(error.message.split("\n")[0]!, e.subject);
    if (e.file === true) assert.ok(error.file, "the error names no file");
    else if (e.file !== undefined) {
      assert.ok(error.file?.endsWith(e.file), `file ${error.file} does not end with ${e.file}`);
      assert.ok(error.message.includes(error.file!), "the message does not name the file");
    }
    assert.ok(
      error.issues.some((i) => issueMatches(i, e)),
      `no issue matches ${
        JSON.stringify(e, (_, v) => v instanceof RegExp ? String(v) : v)
      }:\n${error.message}`,
    );
    return;
  }
  if ("errorClass" in x) {
    assert.ok(threw, "expected an error, got a result");
    assert.equal((error as Error).name, x.errorClass, (error as Error).message);
    assert.match((error as Error).message, x.text);
    return;
  }
  if (threw) throw error;
  if ("warning" in x) {
    const w = warningsOf(result);
    assert.ok(w.some((s) => x.warning.test(s)), `no warning matches ${x.warning}: ${JSON.stringify(w)}`);
    assertFinite(result, c.allow);
    x.check?.(result);
    return;
  }
  assertFinite(result, c.allow);
  x.result(result);
}

/** A fresh temporary folder for the files of a catalogue (removed by {@link removeDir}). */
export const DIR: string = await Deno.makeTempDir({ prefix: "clusterlab-reliability-" });

/** Write `data` (text or bytes) to `name` in {@link DIR} and return its path. */
export function file(name: string, data: string | Uint8Array): string {
  const path = `${DIR}/${name}`;
  if (typeof data === "string") Deno.writeTextFileSync(path, data);
  else Deno.writeFileSync(path, data);
  return path;
}

/** Bytes of ASCII text followed by raw bytes (to build files in other encodings). */
export function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) out.push(...(typeof p === "string" ? new TextEncoder().encode(p) : p));
  return new Uint8Array(out);
}
