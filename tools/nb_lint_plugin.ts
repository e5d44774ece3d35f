/**
 * The notebook rule as a `deno lint` plugin: a notebook cell explains or shows, it never asserts
 * (CONTRIBUTING.md §8). The checks of what a notebook's prose states live in `tests/notebooks/`.
 *
 * The rules apply only to files named `*.nb.ts`: the code cells of a notebook as `tools/nb_check.ts` writes
 * them beside the notebook (deno.json loads this plugin for every `deno lint`; other files are untouched).
 *
 * - `notebook/no-throw`: a `throw` statement.
 * - `notebook/no-assert`: an assertion or an exit: a call of `assert…` (also `assert.equal`, `console.assert`,
 *   `t.assertSnapshot`), an import of an assertion module (`node:assert`, `@std/assert`), `Deno.test`,
 *   `Deno.exit`, `process.exit`.
 * - `notebook/no-checks`: a comparison-and-fail check, reported once as its outermost statement: an `if`
 *   whose branch fails (throws, exits, asserts or prints with `console.error`) or whose condition grades an
 *   exercise (`.grade(…)`), or a loop whose body contains such a failure. A failure outside any `if` or loop
 *   (e.g. a `throw` in a `try`) is reported as its own statement. Functions bound the search: a check inside a
 *   function is reported inside it. `tools/nb_stats.ts` counts the lines these statements span.
 * @module
 */

/** A node as far as these rules read it (the plugin API's nodes carry more). */
interface AnyNode {
  readonly type: string;
  readonly range: readonly [number, number];
  readonly parent?: AnyNode;
  readonly [key: string]: unknown;
}

const ADVICE = "a notebook cell explains or shows; check the prose's numbers in tests/notebooks/ " +
  "(CONTRIBUTING.md §8)";

const FUNCTIONS = new Set(["ArrowFunctionExpression", "FunctionDeclaration", "FunctionExpression"]);
const LOOPS = new Set([
  "ForStatement",
  "ForOfStatement",
  "ForInStatement",
  "WhileStatement",
  "DoWhileStatement",
]);

function name(node: unknown): string | undefined {
  const n = node as AnyNode | undefined;
  if (!n) return undefined;
  if (n.type === "Identifier") return n.name as string;
  if (n.type === "MemberExpression") return name(n.property);
  return undefined;
}

/** `a.b.c` → "a.b.c" for identifiers and member chains, else undefined. */
function dotted(node: unknown): string | undefined {
  const n = node as AnyNode | undefined;
  if (!n) return undefined;
  if (n.type === "Identifier") return n.name as string;
  if (n.type === "MemberExpression") {
    const o = dotted(n.object), p = name(n.property);
    return o && p ? `${o}.${p}` : undefined;
  }
  return undefined;
}

/** What an assertion-like call is ("assert.equal", "Deno.exit", …), or undefined. */
export function assertionCall(callee: unknown): string | undefined {
  const full = dotted(callee);
  const last = name(callee);
  if (full === undefined || last === undefined) return undefined;
  if (/^assert/i.test(last) || /^assert\b/.test(full)) return full;
  if (full === "Deno.test" || full === "Deno.exit" || full === "process.exit") return full;
  return undefined;
}

/** Does this call make a cell fail (or pretend to): an assertion, an exit or a printed error? */
function failingCall(callee: unknown): string | undefined {
  const a = assertionCall(callee);
  if (a !== undefined && a !== "Deno.test") return a;
  const full = dotted(callee);
  return full === "console.error" ? full : undefined;
}

const within = (inner: AnyNode, outer: unknown) => {
  const o = outer as AnyNode | undefined | null;
  return !!o && o.range[0] <= inner.range[0] && inner.range[1] <= o.range[1];
};

/**
 * The outermost statement that makes `failure` (a throw or failing call) a check: the highest enclosing `if`
 * (reached through one of its branches) or loop below the nearest function; else the failure's statement.
 */
export function checkStatement(failure: AnyNode): AnyNode {
  let found: AnyNode | undefined;
  let child = failure;
  for (let p = failure.parent; p && !FUNCTIONS.has(p.type); child = p, p = p.parent) {
    if (p.type === "IfStatement" && !within(child, p.test)) found = p;
    else if (LOOPS.has(p.type)) found = p;
  }
  if (found) return found;
  let s = failure;
  while (s.parent && !/Statement$|Declaration$/.test(s.type)) s = s.parent;
  return s;
}

/** The `if` whose condition contains `node`, below the nearest function, or undefined. */
function conditionOf(node: AnyNode): AnyNode | undefined {
  let child = node;
  for (let p = node.parent; p && !FUNCTIONS.has(p.type); child = p, p = p.parent) {
    if (p.type === "IfStatement" && within(child, p.test)) return p;
  }
  return undefined;
}

const plugin: Deno.lint.Plugin = {
  name: "notebook",
  rules: {
    "no-throw": {
      create(ctx) {
        if (!ctx.filename.endsWith(".nb.ts")) return {};
        return {
          ThrowStatement(node) {
            ctx.report({ node, message: `\`throw\` in a notebook cell: ${ADVICE}` });
          },
        };
      },
    },
    "no-assert": {
      create(ctx) {
        if (!ctx.filename.endsWith(".nb.ts")) return {};
        return {
          CallExpression(node) {
            const what = assertionCall(node.callee);
            if (what) ctx.report({ node, message: `\`${what}(…)\` in a notebook cell: ${ADVICE}` });
          },
          ImportDeclaration(node) {
            const from = String(node.source.value);
            if (/(^|[/:@])(std\/)?assert\b/.test(from)) {
              ctx.report({ node, message: `an assertion module ("${from}") in a notebook cell: ${ADVICE}` });
            }
          },
        };
      },
    },
    "no-checks": {
      create(ctx) {
        if (!ctx.filename.endsWith(".nb.ts")) return {};
        const reported: (readonly [number, number])[] = [];
        const report = (stmt: AnyNode, what: string) => {
          // once per check: a statement within one already reported is part of it
          if (reported.some(([a, b]) => a <= stmt.range[0] && stmt.range[1] <= b)) return;
          reported.push(stmt.range);
          ctx.report({
            range: stmt.range as [number, number],
            message: `a comparison-and-fail check (${what}) in a notebook cell: ${ADVICE}`,
          });
        };
        return {
          ThrowStatement(node) {
            report(checkStatement(node as unknown as AnyNode), "throw");
          },
          CallExpression(node) {
            const n = node as unknown as AnyNode;
            const fails = failingCall(node.callee);
            if (fails) report(checkStatement(n), fails);
            else if (name(node.callee) === "grade") {
              const cond = conditionOf(n);
              if (cond) report(checkStatement(cond), "an exercise graded in a condition");
            }
          },
        };
      },
    },
  },
};

export default plugin;
