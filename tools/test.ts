/**
 * All tests: unit tests, the execution of every notebook (tests/notebooks_test.ts) and the JSDoc examples of
 * `src/` (`deno test --doc`: every example asserts its result), through `deno test`, then a plain closing
 * line `N passed, N failed` computed from the JUnit report.
 *
 *   deno task test            everything
 *   deno task test tests/data only these files (any `deno test` arguments)
 * @module
 */
import { join } from "node:path";
import { ROOT } from "./jupyter.ts";

const junit = join(ROOT, "out", "junit.xml");
await Deno.mkdir(join(ROOT, "out"), { recursive: true });
await Deno.remove(junit).catch(() => {});
const targets = Deno.args.length > 0 ? Deno.args : ["tests/", "src/"];
const status = await new Deno.Command(Deno.execPath(), {
  args: ["test", "-A", "--doc", "--junit-path", junit, ...targets],
  cwd: ROOT,
  stdout: "inherit",
  stderr: "inherit",
}).spawn().status;

let passed = 0, failed = 0;
try {
  const xml = await Deno.readTextFile(junit);
  for (const m of xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    if (m[2] && /<failure\b/.test(m[2])) failed++;
    else if (m[2] && /<skipped\b/.test(m[2])) continue;
    else passed++;
  }
} catch {
  // no report: deno test failed before running (type error, bad import)
}
if (!status.success && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
Deno.exit(status.success && failed === 0 ? 0 : 1);
