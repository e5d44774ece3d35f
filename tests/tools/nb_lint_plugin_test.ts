import assert from "node:assert/strict";
import plugin from "../../tools/nb_lint_plugin.ts";

/** The findings as "rule line:text" (text = the reported source, first line). */
function lint(code: string, file = "cell.nb.ts"): string[] {
  return Deno.lint.runPlugin(plugin, file, code).map((d) => {
    const line = code.slice(0, d.range[0]).split("\n").length;
    return `${d.id} ${line}:${code.slice(d.range[0], d.range[1]).split("\n")[0]}`;
  });
}

Deno.test("nb_lint_plugin: a guarded throw is a throw and one check spanning the if", () => {
  const code = `const n = 3;\nif (n !== 39) {\n  throw new Error("expected 39");\n}\nconsole.log(n);\n`;
  assert.deepEqual(lint(code), [
    'notebook/no-throw 3:throw new Error("expected 39");',
    "notebook/no-checks 2:if (n !== 39) {",
  ]);
  // the span of the check is the whole if statement (4 lines with its braces)
  const d = Deno.lint.runPlugin(plugin, "cell.nb.ts", code).find((x) => x.id === "notebook/no-checks")!;
  assert.equal(code.slice(d.range[0], d.range[1]), `if (n !== 39) {\n  throw new Error("expected 39");\n}`);
});

Deno.test("nb_lint_plugin: a loop that only checks is one check; nested ifs are not counted twice", () => {
  const code = [
    "for (let j = 0; j < 3; j++) {",
    "  if (j === 5) continue;",
    "  if (Math.abs(j - 1) > 9) {",
    "    if (j) throw new Error(`bad ${j}`);",
    "  }",
    "}",
  ].join("\n");
  assert.deepEqual(lint(code), [
    "notebook/no-throw 4:throw new Error(`bad ${j}`);",
    "notebook/no-checks 1:for (let j = 0; j < 3; j++) {",
  ]);
});

Deno.test("nb_lint_plugin: assertions, assertion imports, Deno.test and exits are reported", () => {
  const code = [
    'import assert from "node:assert/strict";',
    'import { assertEquals } from "jsr:@std/assert";',
    "assert.equal(1, 1);",
    "assertEquals(1, 1);",
    "console.assert(1 === 1);",
    'Deno.test("x", () => {});',
    "if (Math.random() > 2) Deno.exit(1);",
  ].join("\n");
  assert.deepEqual(lint(code), [
    'notebook/no-assert 1:import assert from "node:assert/strict";',
    'notebook/no-assert 2:import { assertEquals } from "jsr:@std/assert";',
    "notebook/no-assert 3:assert.equal(1, 1)",
    "notebook/no-checks 3:assert.equal(1, 1);",
    "notebook/no-assert 4:assertEquals(1, 1)",
    "notebook/no-checks 4:assertEquals(1, 1);",
    "notebook/no-assert 5:console.assert(1 === 1)",
    "notebook/no-checks 5:console.assert(1 === 1);",
    'notebook/no-assert 6:Deno.test("x", () => {})',
    "notebook/no-assert 7:Deno.exit(1)",
    "notebook/no-checks 7:if (Math.random() > 2) Deno.exit(1);",
  ]);
});

Deno.test("nb_lint_plugin: comparison-and-fail without a throw: console.error in a branch, graded conditions", () => {
  const code = [
    "const x = 2;",
    'if (x !== 3) console.error("x should be 3");',
    "const ex = { grade: (_: number) => ({ correct: true }) };",
    'if (!ex.grade(3).correct) console.log("rejected");',
  ].join("\n");
  assert.deepEqual(lint(code), [
    'notebook/no-checks 2:if (x !== 3) console.error("x should be 3");',
    'notebook/no-checks 4:if (!ex.grade(3).correct) console.log("rejected");',
  ]);
});

Deno.test("nb_lint_plugin: what a cell may do is not reported", () => {
  const code = [
    'import * as aq from "arquero";',
    "try {",
    "  JSON.parse('{');",
    "} catch (e) {",
    "  console.log((e as Error).message); // show the error, do not assert",
    "}",
    "const t = aq.table({ a: [1, 2] });",
    'if (t.numRows() > 1) console.log("more than one row");',
    "for (const r of t.objects()) console.log(r);",
    "const throwing = () => 'no throw here: throw is a word in a string';",
    "console.log(throwing(), 'assert');",
  ].join("\n");
  assert.deepEqual(lint(code), []);
});

Deno.test("nb_lint_plugin: a throw inside a try or a function is reported as its own statement", () => {
  const code = [
    "try {",
    '  throw new Error("demo");',
    "} catch (_) { /* */ }",
    "const f = (x: number) => {",
    "  if (x < 0) throw new RangeError('x');",
    "  return x;",
    "};",
    "for (const x of [1]) f(x);",
  ].join("\n");
  assert.deepEqual(lint(code), [
    'notebook/no-throw 2:throw new Error("demo");',
    'notebook/no-checks 2:throw new Error("demo");',
    "notebook/no-throw 5:throw new RangeError('x');",
    "notebook/no-checks 5:if (x < 0) throw new RangeError('x');",
  ]);
});

Deno.test("nb_lint_plugin: only notebook code (*.nb.ts) is linted", () => {
  assert.deepEqual(lint('throw new Error("x");', "src/mod.ts"), []);
  assert.equal(lint('throw new Error("x");', "notebooks/00-quickstart.nb.ts").length, 2);
});
