import assert from "node:assert/strict";
import { exercise } from "../../src/notebook/exercise.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const hint = { en: "Divide the shares.", zh: "用份额相除。" };
const question = { en: "Location quotient?", zh: "区位商是多少？" };

function captured(f: () => void): string[] {
  const lines: string[] = [];
  const orig = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(" "));
  try {
    f();
  } finally {
    console.log = orig;
  }
  return lines;
}

Deno.test("numbers match within the tolerance; check() prints right or wrong with the hint", () => {
  const check = exercise({ id: "1.1", question, answer: (3 / 10) / (20 / 100), tolerance: 0.01, hint });
  assert.equal(check.grade(1.5).status, "right");
  assert.equal(check.grade(1.509).correct, true);
  assert.equal(check.grade(1.52).status, "wrong");
  assert.deepEqual(captured(() => check(1.5)), ["✓ 1.1 Right!\n✓ 1.1 正确！"]);
  assert.deepEqual(captured(() => check(2)), [
    "✗ 1.1 Not yet. Hint: Divide the shares.\n✗ 1.1 还不对。提示：用份额相除。",
  ]);
  assert.deepEqual(captured(() => check(undefined)), [
    "… 1.1 No answer yet: replace undefined with your answer.\n… 1.1 尚未作答：请把 undefined 换成你的答案。",
  ]);
  // a numeric string is not silently coerced
  const r = check.grade("1.5");
  assert.equal(r.status, "invalid");
  assert.equal(r.message.en, 'Expected a number (without quotes), received "1.5".');
  assert.equal(check.grade(NaN).status, "invalid");
  // the default tolerance is exact
  assert.equal(exercise({ id: "x", question, answer: 0.3, hint }).grade(0.1 + 0.2).correct, false);
});

Deno.test("strings ignore case, spaces and full-width forms; booleans are exact; lang picks one language", () => {
  const s = exercise({ id: "2", question, answer: "Mature innovation cluster", hint, lang: "zh" });
  assert.equal(s.grade("  mature INNOVATION cluster ").correct, true);
  assert.equal(s.grade("ｍａｔｕｒｅ innovation cluster").correct, true);
  assert.equal(s.grade("emerging cluster").status, "wrong");
  assert.equal(s.grade(3).status, "invalid");
  assert.deepEqual(captured(() => s("emerging")), ["✗ 2 还不对。提示：用份额相除。"]);
  const zh = exercise({ id: "2b", question, answer: "成熟的创新集群", hint, lang: "en" });
  assert.equal(zh.grade(" 成熟的创新集群").correct, true);
  assert.deepEqual(captured(() => zh("成熟")), ["✗ 2b Not yet. Hint: Divide the shares."]);
  const b = exercise({ id: "3", question, answer: false, hint });
  assert.equal(b.grade(false).correct, true);
  assert.equal(b.grade(true).status, "wrong");
  assert.equal(b.grade("false").status, "invalid");
});

Deno.test("lists match in any order unless ordered; lengths are reported", () => {
  const l = exercise({ id: "4", question, answer: ["London", "Oxford"], hint });
  assert.equal(l.grade(["oxford", "London"]).correct, true);
  assert.equal(l.grade(["London", "London"]).status, "wrong");
  const short = l.grade(["London"]);
  assert.equal(short.status, "wrong");
  assert.equal(short.message.en, "Not yet. Expected 2 items, received 1. Hint: Divide the shares.");
  assert.equal(l.grade("London").status, "invalid");
  const o = exercise({ id: "5", question, answer: [1, 2.5], tolerance: 0.1, ordered: true, hint });
  assert.equal(o.grade([1.05, 2.45]).correct, true);
  assert.equal(o.grade([2.5, 1]).correct, false);
  assert.equal(o.grade([1, "2.5"]).status, "invalid");
  assert.equal(o.solution(), "[1,2.5]");
});

Deno.test("the question displays in both languages, escaped", () => {
  const c = exercise({ id: "6", question: { en: "Is x < 1?", zh: "x 是否小于 1？" }, answer: true, hint });
  const bundle = c.question[Symbol.for("Jupyter.display") as never] as () => Record<string, string>;
  const b = bundle();
  assert.equal(b["text/plain"], "6 Is x < 1?\n6 x 是否小于 1？");
  assert.ok(b["text/html"]!.includes("Is x &lt; 1?<br>x 是否小于 1？"));
  assert.equal(c.id, "6");
  assert.equal(c.solution(), "true");
});

Deno.test("a bad exercise is a ValidationError naming each parameter", () => {
  try {
    exercise({
      id: "",
      question: { en: "q" } as never,
      answer: NaN,
      tolerance: -1,
      hint,
      lang: "fr" as never,
    });
    assert.fail("no error");
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    assert.deepEqual(e.issues.map((i) => i.column), ["id", "question", "answer", "tolerance", "lang"]);
    assert.equal(e.issues[2]!.received, "NaN");
  }
  assert.throws(() => exercise({ id: "m", question, answer: [1, "a"] as never, hint }), /not mixed/);
  assert.throws(() => exercise({ id: "e", question, answer: [], hint }), /non-empty list/);
});

Deno.test("an answer of the wrong type says what is expected, in both languages", () => {
  const l = exercise({ id: "7", question, answer: [1, 2], hint });
  assert.deepEqual(l.grade("1, 2").message, {
    en: 'Expected a list [ … ] of numbers, received "1, 2".',
    zh: '应为一个列表 [ … ]，元素为数字，收到 "1, 2"。',
  });
});
