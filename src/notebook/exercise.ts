/**
 * Exercises for the course notebooks: `exercise({...})` returns a `check(answer)` function that prints
 * whether the answer is right, and a hint when it is not. Answers are computed from the data in the
 * notebook wherever a computation exists, so the exercise stays right when the data or a parameter changes.
 * 练习：`exercise({...})` 返回 `check(answer)`，打印答案是否正确，错误时给出提示。
 *
 * Matching rules (design choice): numbers match within an absolute `tolerance` (default 0: exact);
 * strings match after trimming, ignoring case and Unicode width differences (NFKC); booleans match exactly;
 * lists match element by element (in any order unless `ordered: true`). An answer of the wrong type is
 * reported as such, never coerced ("0.5" is not 0.5).
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { DISPLAY, escapeHTML, escapeText, type MimeBundle } from "../core/display.ts";

/** A value an exercise can expect. */
export type ExerciseAnswer = number | string | boolean | readonly number[] | readonly string[];

/** Options of {@link exercise}. */
export interface ExerciseOptions {
  /** A short id, shown with the result ("1.2"). */
  readonly id: string;
  /** The question, in English and Chinese. */
  readonly question: Bilingual;
  /** The right answer, computed in the notebook where possible. */
  readonly answer: ExerciseAnswer;
  /** Absolute tolerance for numbers (default 0). */
  readonly tolerance?: number;
  /** Shown when the answer is wrong. */
  readonly hint: Bilingual;
  /** Lists: must the order match? (default false) */
  readonly ordered?: boolean;
  /** Language of printed messages: "en", "zh" or both (default). */
  readonly lang?: Lang | "both";
}

/** The outcome of checking one answer. */
export interface CheckResult {
  /** The exercise's id ("1.2"). */
  readonly id: string;
  /** "right", "wrong", "missing" (no answer yet) or "invalid" (wrong type of answer). */
  readonly status: "right" | "wrong" | "missing" | "invalid";
  /** `status === "right"`. */
  readonly correct: boolean;
  /** What is printed. */
  readonly message: Bilingual;
}

/** The function {@link exercise} returns, with the exercise's question and a silent `grade`. */
export interface Check {
  /** Print whether `answer` is right (with a hint when not); returns nothing. */
  (answer: unknown): void;
  /** The exercise's id ("1.2"), as given in {@link ExerciseOptions.id}. */
  readonly id: string;
  /** The question, displayable in Jupyter (HTML in both languages). */
  readonly question: { readonly text: Bilingual; [DISPLAY](): MimeBundle };
  /** Check without printing. */
  grade(answer: unknown): CheckResult;
  /** The expected answer as text (for teachers). */
  solution(): string;
}

const MSG = {
  right: { en: "Right!", zh: "正确！" },
  wrong: { en: "Not yet.", zh: "还不对。" },
  missing: {
    en: "No answer yet: replace undefined with your answer.",
    zh: "尚未作答：请把 undefined 换成你的答案。",
  },
  hint: { en: "Hint", zh: "提示" },
  number: { en: "a number (without quotes)", zh: "一个数字（不带引号）" },
  text: { en: "a text in quotes", zh: "一段带引号的文字" },
  boolean: { en: "true or false", zh: "true 或 false" },
  list: { en: "a list [ … ] of", zh: "一个列表 [ … ]，元素为" },
  numbers: { en: "numbers", zh: "数字" },
  texts: { en: "texts in quotes", zh: "带引号的文字" },
  length: { en: "items", zh: "项" },
  expected: { en: "Expected", zh: "应为" },
  received: { en: "received", zh: "收到" },
} as const satisfies Record<string, Bilingual>;

const norm = (s: string) => s.normalize("NFKC").trim().toLowerCase();

function kindOf(answer: ExerciseAnswer): "number" | "text" | "boolean" | "numbers" | "texts" {
  if (typeof answer === "number") return "number";
  if (typeof answer === "string") return "text";
  if (typeof answer === "boolean") return "boolean";
  return typeof answer[0] === "number" ? "numbers" : "texts";
}

function validate(o: ExerciseOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const bi = (v: unknown) =>
    typeof v === "object" && v !== null && typeof (v as Bilingual).en === "string" &&
    typeof (v as Bilingual).zh === "string" && (v as Bilingual).en !== "" && (v as Bilingual).zh !== "";
  if (typeof o.id !== "string" || o.id.trim() === "") {
    issues.push({ column: "id", expected: "a non-empty string", received: describeValue(o.id) });
  }
  if (!bi(o.question)) {
    issues.push({
      column: "question",
      expected: "a Bilingual {en, zh} text",
      received: describeValue(o.question),
    });
  }
  if (!bi(o.hint)) {
    issues.push({ column: "hint", expected: "a Bilingual {en, zh} text", received: describeValue(o.hint) });
  }
  const a = o.answer;
  const okScalar = (v: unknown) => (typeof v === "number" && Number.isFinite(v)) || typeof v === "string";
  if (Array.isArray(a)) {
    if (a.length === 0) {
      issues.push({ column: "answer", expected: "a non-empty list", received: "[]" });
    } else if (!a.every((v) => typeof v === typeof a[0] && okScalar(v))) {
      issues.push({
        column: "answer",
        expected: "a list of finite numbers or of strings (not mixed)",
        received: describeValue(a),
      });
    }
  } else if (!okScalar(a) && typeof a !== "boolean") {
    issues.push({
      column: "answer",
      expected: "a finite number, a string, a boolean or a list",
      received: describeValue(a),
      message: "the computed answer is not usable: check the computation in the notebook",
    });
  }
  if (
    o.tolerance !== undefined &&
    !(typeof o.tolerance === "number" && o.tolerance >= 0 && Number.isFinite(o.tolerance))
  ) {
    issues.push({
      column: "tolerance",
      expected: "a finite number ≥ 0",
      received: describeValue(o.tolerance),
    });
  }
  if (o.lang !== undefined && !["en", "zh", "both"].includes(o.lang)) {
    issues.push({ column: "lang", expected: '"en", "zh" or "both"', received: describeValue(o.lang) });
  }
  return issues;
}

function join(a: Bilingual, b: Bilingual, sep: Bilingual = { en: " ", zh: "" }): Bilingual {
  return { en: `${a.en}${sep.en}${b.en}`, zh: `${a.zh}${sep.zh}${b.zh}` };
}

/**
 * Make an exercise. The returned `check(answer)` prints "✓ Right" or "✗ Not yet" with the hint, in both
 * languages by default; `check.grade(answer)` returns the result without printing; `check.question`
 * displays the question.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exercise } from "clusterlab";
 * const check = exercise({
 *   id: "1.1",
 *   question: { en: "What is 2 + 2?", zh: "2 + 2 等于几？" },
 *   answer: 2 + 2,
 *   hint: { en: "Count on your fingers.", zh: "数一数手指。" },
 * });
 * assert.equal(check.grade(4).correct, true);
 * assert.deepEqual(check.grade(5).message, {
 *   en: "Not yet. Hint: Count on your fingers.",
 *   zh: "还不对。提示：数一数手指。",
 * });
 * assert.equal(check.grade("4").status, "invalid"); // "4" is text, not the number 4
 * assert.equal(check.grade(undefined).status, "missing");
 * // check(5) prints "✗ 1.1 Not yet. Hint: …" and the same in Chinese
 * ```
 */
export function exercise(options: ExerciseOptions): Check {
  const issues = validate(options);
  if (issues.length > 0) throw new ValidationError(`exercise ${describeValue(options.id)}`, issues);
  const { id, question, answer, hint, tolerance = 0, ordered = false, lang = "both" } = options;
  const kind = kindOf(answer);
  const expectedType: Bilingual = kind === "number"
    ? MSG.number
    : kind === "text"
    ? MSG.text
    : kind === "boolean"
    ? MSG.boolean
    : join(MSG.list, kind === "numbers" ? MSG.numbers : MSG.texts);

  const grade = (given: unknown): CheckResult => {
    const result = (status: CheckResult["status"], message: Bilingual): CheckResult => ({
      id,
      status,
      correct: status === "right",
      message,
    });
    if (given === undefined || given === null) return result("missing", MSG.missing);
    const invalid = () =>
      result("invalid", {
        en: `${MSG.expected.en} ${expectedType.en}, ${MSG.received.en} ${describeValue(given)}.`,
        zh: `${MSG.expected.zh}${expectedType.zh}，${MSG.received.zh} ${describeValue(given)}。`,
      });
    const wrong = () => result("wrong", join(MSG.wrong, join(MSG.hint, hint, { en: ": ", zh: "：" })));
    const numEq = (x: number, y: number) => Math.abs(x - y) <= tolerance;
    switch (kind) {
      case "number":
        if (typeof given !== "number" || !Number.isFinite(given)) return invalid();
        return numEq(given, answer as number) ? result("right", MSG.right) : wrong();
      case "text":
        if (typeof given !== "string") return invalid();
        return norm(given) === norm(answer as string) ? result("right", MSG.right) : wrong();
      case "boolean":
        if (typeof given !== "boolean") return invalid();
        return given === answer ? result("right", MSG.right) : wrong();
      default: {
        const want = answer as readonly (number | string)[];
        const isNum = kind === "numbers";
        if (
          !Array.isArray(given) ||
          !given.every((v) => (isNum ? typeof v === "number" && Number.isFinite(v) : typeof v === "string"))
        ) return invalid();
        if (given.length !== want.length) {
          return result("wrong", {
            en:
              `${MSG.wrong.en} ${MSG.expected.en} ${want.length} ${MSG.length.en}, ${MSG.received.en} ${given.length}. ${MSG.hint.en}: ${hint.en}`,
            zh:
              `${MSG.wrong.zh}${MSG.expected.zh} ${want.length} ${MSG.length.zh}，${MSG.received.zh} ${given.length} ${MSG.length.zh}。${MSG.hint.zh}：${hint.zh}`,
          });
        }
        const eq = (x: number | string, y: number | string) =>
          isNum ? numEq(x as number, y as number) : norm(x as string) === norm(y as string);
        let ok: boolean;
        if (ordered) ok = want.every((w, i) => eq(given[i], w));
        else {
          const used = new Array<boolean>(given.length).fill(false);
          ok = want.every((w) => {
            const j = given.findIndex((g, k) => !used[k] && eq(g, w));
            if (j < 0) return false;
            used[j] = true;
            return true;
          });
        }
        return ok ? result("right", MSG.right) : wrong();
      }
    }
  };

  const line = (r: CheckResult): string => {
    const mark = r.correct ? "✓" : r.status === "missing" ? "…" : "✗";
    const en = `${mark} ${id} ${r.message.en}`, zh = `${mark} ${id} ${r.message.zh}`;
    return lang === "en" ? en : lang === "zh" ? zh : `${en}\n${zh}`;
  };

  const check = ((given: unknown) => {
    console.log(line(grade(given)));
  }) as Check;
  const q = {
    text: question,
    [DISPLAY]: (): MimeBundle => ({
      "text/html":
        `<div class="clusterlab-exercise" style="border-left:4px solid #4269d0;padding:.3em .8em">` +
        `<strong>${escapeHTML(id)}</strong> ${escapeHTML(question.en)}<br>${escapeHTML(question.zh)}</div>`,
      "text/plain": escapeText(`${id} ${question.en}\n${id} ${question.zh}`),
    }),
  };
  Object.defineProperties(check, {
    id: { value: id, enumerable: true },
    question: { value: q, enumerable: true },
    grade: { value: grade, enumerable: true },
    solution: {
      value: () => (Array.isArray(answer) ? JSON.stringify(answer) : String(answer)),
      enumerable: true,
    },
  });
  return check;
}
