/**
 * Snapshot tests of charts, as Observable Plot tests its marks: a chart renders a deterministic SVG on small
 * fixed inputs, and the SVG is compared with a committed file under `__snapshots__/` next to the test.
 *
 *   deno test -A tests/plot tests/notebook                     compare
 *   UPDATE_SNAPSHOTS=1 deno test -A tests/plot tests/notebook  rewrite the snapshots (then review the diff)
 *
 * On a mismatch the test fails with a short line diff and writes the new output beside the snapshot as
 * `<name>-changed.svg` (git-ignored), so both can be opened side by side. The stored form puts one tag per
 * line (a newline between `>` and `<`), so that a change reads as a few changed lines in a diff; nothing else
 * is normalised (element ids are already deterministic: `Figure` renames them from a hash of the chart).
 * @module
 */
import { AssertionError } from "node:assert/strict";
import { fileURLToPath } from "node:url";

/** One tag per line: the stored form of a snapshot. */
export function snapshotText(svg: string): string {
  return svg.replace(/>\s*</g, ">\n<").trimEnd() + "\n";
}

/**
 * A short diff of two texts by line (longest common subsequence): the removed lines (`-`, numbered as in
 * `expected`) and the added ones (`+`, numbered as in `actual`), in order, at most 24 lines.
 */
export function lineDiff(expected: string, actual: string): string {
  const max = 24;
  const a = expected.split("\n"), b = actual.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let ta = a.length, tb = b.length;
  while (ta > head && tb > head && a[ta - 1] === b[tb - 1]) {
    ta--;
    tb--;
  }
  // LCS table of the differing middle (small for a chart change)
  const n = ta - head, m = tb - head;
  const L = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      L[i * (m + 1) + j] = a[head + i] === b[head + j]
        ? L[(i + 1) * (m + 1) + j + 1]! + 1
        : Math.max(L[(i + 1) * (m + 1) + j]!, L[i * (m + 1) + j + 1]!);
    }
  }
  const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}…` : s);
  const out: string[] = [];
  let changed = 0, i = 0, j = 0;
  const emit = (line: string) => {
    changed++;
    if (out.length < max) out.push(line);
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i] === b[head + j]) {
      i++;
      j++;
    } else if (i < n && (j === m || L[(i + 1) * (m + 1) + j]! >= L[i * (m + 1) + j + 1]!)) {
      emit(`- ${head + i + 1}: ${clip(a[head + i]!)}`);
      i++;
    } else {
      emit(`+ ${head + j + 1}: ${clip(b[head + j]!)}`);
      j++;
    }
  }
  if (changed > out.length) out.push(`… ${changed - out.length} more changed line(s)`);
  return out.join("\n");
}

/**
 * Compare `svg` with the snapshot `<dir>/__snapshots__/<name>.svg` (`dir`: the test's `import.meta.url`).
 * With `UPDATE_SNAPSHOTS=1` the snapshot is (re)written instead; a missing snapshot is an error otherwise.
 */
export async function assertSnapshot(testUrl: string, name: string, svg: string): Promise<void> {
  const dir = fileURLToPath(new URL("./__snapshots__/", testUrl));
  const file = `${dir}${name}.svg`, changed = `${dir}${name}-changed.svg`;
  const actual = snapshotText(svg);
  if (Deno.env.get("UPDATE_SNAPSHOTS") === "1") {
    await Deno.mkdir(dir, { recursive: true });
    await Deno.writeTextFile(file, actual);
    await Deno.remove(changed).catch(() => {});
    return;
  }
  const expected = await Deno.readTextFile(file).catch(() => undefined);
  if (expected === actual) {
    await Deno.remove(changed).catch(() => {});
    return;
  }
  await Deno.writeTextFile(changed, actual);
  throw new AssertionError({
    message: expected === undefined
      ? `no snapshot ${file}: run UPDATE_SNAPSHOTS=1 deno test -A <this test> and review the new file`
      : `the chart differs from its snapshot ${file} (new output: ${changed}; ` +
        `UPDATE_SNAPSHOTS=1 rewrites the snapshot):\n${lineDiff(expected, actual)}`,
  });
}
