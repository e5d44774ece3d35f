/**
 * Area under the ROC curve of scores against a binary outcome, by the Mann–Whitney statistic. ROC 曲线下面积。
 * @module
 */

/**
 * AUC = P(score of a positive > score of a negative) + ½ P(equal), over all positive × negative pairs: the
 * Mann–Whitney U statistic divided by n₁ n₀ (Hanley & McNeil 1982, *Radiology* 143: 29–36), i.e. the
 * trapezoidal area under the empirical ROC curve, ties counted half (as scikit-learn's `roc_auc_score` and R's
 * `pROC`). NaN when there are no positives or no negatives. O(n log n): the positives' and negatives' scores
 * are sorted and merged. Outcomes other than 0 and 1, or a score that is NaN, are a `RangeError` (callers
 * validate their inputs first).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rocAuc } from "clusterlab/advanced";
 * assert.equal(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75); // 3 of the 4 pairs ordered right
 * assert.equal(rocAuc([1, 1, 1], [0, 1, 1]), 0.5); // all tied: every pair counts half
 * assert.equal(rocAuc([0.2, 0.5, 0.5, 0.9], [0, 0, 1, 1]), 0.875); // (1 + 1 + 0.5 + 1) / 4
 * ```
 */
export function rocAuc(scores: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  const n = scores.length;
  if (outcomes.length !== n) {
    throw new RangeError(`rocAuc needs one outcome per score: ${n} scores, ${outcomes.length} outcomes`);
  }
  let n1 = 0;
  for (let i = 0; i < n; i++) {
    const y = outcomes[i];
    if (y !== 0 && y !== 1) throw new RangeError(`rocAuc: outcome ${i + 1} is ${y}, expected 0 or 1`);
    if (Number.isNaN(scores[i]!)) throw new RangeError(`rocAuc: score ${i + 1} is NaN`);
    n1 += y;
  }
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return Number.NaN;
  const pos = new Float64Array(n1), neg = new Float64Array(n0);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (outcomes[i] === 1) pos[a++] = scores[i]!;
    else neg[b++] = scores[i]!;
  }
  pos.sort();
  neg.sort();
  // for each positive: the negatives below it count 1, those equal to it ½
  let u = 0, below = 0, equalEnd = 0;
  for (let a = 0; a < n1; a++) {
    const v = pos[a]!;
    while (below < n0 && neg[below]! < v) below++;
    if (equalEnd < below) equalEnd = below;
    while (equalEnd < n0 && neg[equalEnd]! === v) equalEnd++;
    u += below + 0.5 * (equalEnd - below);
  }
  return u / (n1 * n0);
}
