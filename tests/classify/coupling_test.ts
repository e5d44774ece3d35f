import assert from "node:assert/strict";
import {
  COUPLING_D_LEVELS,
  couplingCoordination,
  couplingFan,
  couplingStandard,
  couplingWang,
  levelIndex,
} from "../../src/classify/coupling.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

function close(actual: number, expected: number, tol: number, what = "") {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: expected ${expected} ± ${tol}, received ${actual}`);
}

Deno.test("C, C_W, C_F, T and D match hand-computed closed forms for n = 2", () => {
  // U = (0.25, 1): C = 2·√0.25/1.25 = 0.8; C_W = √((1 − 0.75)·(0.25/1)^1) = 0.25; σ_pop = 0.375 → C_F = 0.25.
  assert.equal(couplingStandard([0.25, 1]), 0.8);
  close(couplingWang([0.25, 1]), 0.25, 1e-15, "C_W");
  close(couplingFan([0.25, 1]), 0.25, 1e-15, "C_F");
  const { table: t } = couplingCoordination([{ a: 0.25, b: 1 }], ["a", "b"]);
  close(t.get("T", 0), 0.625, 1e-15, "T");
  close(t.get("D", 0), Math.sqrt(0.8 * 0.625), 1e-15, "D");
  close(t.get("C_W", 0), 0.25, 1e-15, "C_W column");
  assert.equal(t.get("C_level", 0), "high-level coupling"); // 0.8 is the lower edge of [0.8, 1]
  assert.equal(t.get("D_level", 0), "intermediate coordination"); // D = 0.7071
  assert.equal(t.get("D_band", 0), 8);
  // Equal subsystems: every C is 1 and D = √U.
  const { table: eq } = couplingCoordination([{ a: 0.49, b: 0.49, c: 0.49 }], ["a", "b", "c"], {
    variant: "wang",
  });
  close(eq.get("C", 0), 1, 1e-15, "C_W of equal U");
  close(eq.get("D", 0), 0.7, 1e-15, "D of equal U");
});

Deno.test("weights α enter T = Σ α_i U_i, and Chinese labels come with lang zh", () => {
  const { table: t } = couplingCoordination([{ a: 0.2, b: 0.6 }], ["a", "b"], {
    weights: { a: 0.25, b: 0.75 },
    variant: "fan",
    lang: "zh",
  });
  close(t.get("T", 0), 0.5, 1e-15, "T");
  close(t.get("C", 0), 0.6, 1e-15, "C_F = 1 − 2·0.2");
  close(t.get("D", 0), Math.sqrt(0.3), 1e-15, "D");
  assert.equal(t.get("D_level", 0), "勉强协调");
  assert.equal(t.get("C_level", 0), "磨合阶段");
});

// Published worked example: R package `coupling` 0.1 (Lyu 2026, CRAN; stscl/coupling, vignette "ccd"),
// Guangzhou social-space scores (4 subsystems, min–max scaled), printed to 7 decimals.
const GZMA = [
  [0.8179733, 0.3246648, 0.6590316, 0.1308531],
  [0.3020233, 0.1318888, 0.4046987, 0.5173794],
  [0.9209903, 0.3353516, 0.6921477, 0.3141320],
  [0.9604095, 0.3914758, 0.7099999, 0.4316421],
  [0.9061589, 0.3473603, 0.7297774, 0.6909494],
  [0.9456379, 0.4391423, 0.7304117, 0.4792905],
];
const GZMA_EXPECTED = {
  standard: [[0.8051958, 0.6237105], [0.8914577, 0.5497290], [0.8999423, 0.7134825], [0.9346128, 0.7632959], [
    0.9440912,
    0.7944703,
  ], [0.9519923, 0.7858001]],
  wang: [[0.4722274, 0.4776480], [0.6211236, 0.4588675], [0.5375842, 0.5514412], [0.5861986, 0.6045044], [
    0.6640321,
    0.6662930,
  ], [0.6319211, 0.6402164]],
  fan: [[0.4593785, 0.4711049], [0.7164548, 0.4928249], [0.4915051, 0.5272784], [0.5399620, 0.5801746], [
    0.5951898,
    0.6308098,
  ], [0.5907777, 0.6190239]],
} as const;

for (const variant of ["standard", "wang", "fan"] as const) {
  Deno.test(`C and D (${variant}) reproduce the published values of the R package coupling`, () => {
    const rows = GZMA.map(([ps, el, oh, il]) => ({ ps, el, oh, il }));
    const { table: t } = couplingCoordination(rows, ["ps", "el", "oh", "il"], { variant });
    GZMA_EXPECTED[variant].forEach(([c, d], i) => {
      close(t.get("C", i), c, 2e-7, `${variant} C row ${i + 1}`);
      close(t.get("D", i), d, 2e-7, `${variant} D row ${i + 1}`);
    });
  });
}

Deno.test("standard C and D reproduce the example of coupling::ccd() (set.seed(42), runif(20), 5 × 4)", () => {
  // R: set.seed(42); mat = matrix(runif(20), nrow = 5); coupling::ccd(mat) (reference page of ccd()).
  const r = [
    0.914806043,
    0.937075413,
    0.286139535,
    0.830447626,
    0.641745519,
    0.519095949,
    0.736588315,
    0.134666597,
    0.656992290,
    0.705064784,
    0.457741776,
    0.719112252,
    0.934672247,
    0.255428824,
    0.462292823,
    0.940014523,
    0.978226428,
    0.117487362,
    0.474997082,
    0.560332746,
  ];
  const rows = [0, 1, 2, 3, 4].map((i) => ({ a: r[i]!, b: r[5 + i]!, c: r[10 + i]!, d: r[15 + i]! }));
  const { table: t } = couplingCoordination(rows, ["a", "b", "c", "d"]);
  const expected = [[0.9497342, 0.8199577], [0.9905121, 0.9136491], [0.6926110, 0.5050229], [
    0.9148146,
    0.7122036,
  ], [0.9877654, 0.7649259]];
  expected.forEach(([c, d], i) => {
    close(t.get("C", i), c!, 1e-7, `C row ${i + 1}`);
    close(t.get("D", i), d!, 1e-7, `D row ${i + 1}`);
  });
});

Deno.test("band edges and closed side are configuration", () => {
  assert.equal(levelIndex(0.3, COUPLING_D_LEVELS), 3); // [0.3, 0.4)
  assert.equal(levelIndex(1, COUPLING_D_LEVELS), 9);
  assert.equal(levelIndex(0, COUPLING_D_LEVELS), 0);
  const right = { ...COUPLING_D_LEVELS, closed: "right" as const };
  assert.equal(levelIndex(0.3, right), 2); // (0.2, 0.3]
  assert.equal(levelIndex(0, right), 0);
  const two = {
    edges: [0, 0.5, 1],
    labels: [{ en: "low", zh: "低" }, { en: "high", zh: "高" }],
    closed: "left" as const,
  };
  const { table: t } = couplingCoordination([{ a: 0.5, b: 0.5 }], ["a", "b"], { dLevels: two });
  assert.equal(t.get("D_level", 0), "high"); // D = √0.5
});

Deno.test("all-zero rows give C = 0 with a warning, not NaN", () => {
  const { table: t, warnings } = couplingCoordination([{ a: 0, b: 0 }, { a: 0.5, b: 0.5 }], ["a", "b"]);
  assert.equal(t.get("C", 0), 0);
  assert.equal(t.get("D", 0), 0);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /rows 1: every subsystem is 0/);
});

Deno.test("invalid input is a clear ValidationError", () => {
  assert.throws(
    () => couplingCoordination([{ a: 0.5, b: 1.2 }], ["a", "b"]),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 1, column "b": expected a number in [0, 1], received 1.2'),
  );
  assert.throws(
    () => couplingCoordination([{ a: 0.5, b: 0.2 }], ["a", "b"], { weights: [0.5, 0.6] }),
    (e: unknown) =>
      e instanceof ValidationError &&
      /expected weights summing to 1, received \[0.5,0.6\] \(sum 1.1\)/.test(e.message),
  );
  assert.throws(
    () => couplingCoordination([{ a: 0.5 }], ["a"]),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "subsystems": expected at least 2 subsystem columns'),
  );
  assert.throws(
    () => couplingCoordination([{ a: 0.5, b: null }], ["a", "b"]),
    (e: unknown) => e instanceof ValidationError && e.message.includes("received null (empty)"),
  );
  assert.throws(
    () =>
      couplingCoordination([{ a: 0.5, b: 0.5 }], ["a", "b"], {
        dLevels: { edges: [0.1, 1], labels: [{ en: "x", zh: "x" }], closed: "left" },
      }),
    (e: unknown) => e instanceof ValidationError && e.message.includes("edges covering [0, 1]"),
  );
});

Deno.test("couplingCoordination() returns { table, warnings }: nothing is attached to the arquero table", () => {
  const r = couplingCoordination([{ region: "A", a: 0.4, b: 0.6 }], ["a", "b"]);
  assert.deepEqual(Object.keys(r).sort(), ["table", "warnings"]);
  assert.deepEqual(r.warnings, []);
  assert.equal("warnings" in r.table, false);
  assert.deepEqual(r.table.columnNames(), [
    "region",
    "a",
    "b",
    "C",
    "C_W",
    "T",
    "D",
    "C_level",
    "D_level",
    "D_band",
  ]);
});
