import assert from "node:assert/strict";
import { lineDiff, snapshotText } from "./snapshot.ts";

Deno.test("snapshotText(): one tag per line, text content untouched", () => {
  assert.equal(
    snapshotText('<svg><g fill="red"><text>a b</text></g></svg>'),
    '<svg>\n<g fill="red">\n<text>a b</text>\n</g>\n</svg>\n',
  );
});

Deno.test("lineDiff(): only the changed lines, numbered, removals before additions", () => {
  const a = ["<svg>", '<rect fill="#b45309"/>', "<g>", '<rect fill="#b45309"/>', "</svg>"].join("\n");
  const b = ["<svg>", '<rect fill="#b4530a"/>', "<g>", '<rect fill="#b4530a"/>', "<circle/>", "</svg>"].join(
    "\n",
  );
  assert.equal(
    lineDiff(a, b),
    [
      '- 2: <rect fill="#b45309"/>',
      '+ 2: <rect fill="#b4530a"/>',
      '- 4: <rect fill="#b45309"/>',
      '+ 4: <rect fill="#b4530a"/>',
      "+ 5: <circle/>",
    ].join("\n"),
  );
  const many = Array.from({ length: 40 }, (_, i) => `<x${i}/>`).join("\n");
  assert.match(lineDiff("", many), /… 17 more changed line\(s\)$/);
});
