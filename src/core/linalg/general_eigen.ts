/**
 * Eigenvalues of a general real square matrix (model Jacobians: real or complex-conjugate eigenvalues).
 * 一般实矩阵的特征值。
 *
 * Reduction to upper Hessenberg form by stabilised elementary similarity transformations, then the shifted
 * QR algorithm with Francis double shifts on the Hessenberg matrix — the EISPACK routines `elmhes` and `hqr`
 * (Martin & Wilkinson 1968; Martin, Peters & Wilkinson 1970), as given in Press, Teukolsky, Vetterling &
 * Flannery, *Numerical Recipes*, 3rd ed. (2007), §11.6–11.7. Symmetric eigenpairs (eigenvectors included,
 * large sparse operators) are the job of `symmetric_eigen.ts` and `lanczos.ts`; linear systems of
 * `linear_solve.ts`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { eigenvaluesGeneral } from "clusterlab/advanced";
 * assert.deepEqual(eigenvaluesGeneral([[0, 1], [-1, 0]]), [{ re: 0, im: 1 }, { re: 0, im: -1 }]);
 * ```
 * @module
 */

/** A complex number. */
export interface Complex {
  /** Real part. */
  readonly re: number;
  /** Imaginary part (0 for a real eigenvalue). */
  readonly im: number;
}

/**
 * Eigenvalues of a real square matrix (rows of numbers), sorted by decreasing real part, then decreasing
 * imaginary part (`elmhes` + `hqr`, Martin & Wilkinson 1968; Martin, Peters & Wilkinson 1970). A matrix that
 * is not square or holds a non-finite value is a `RangeError`; throws if the QR iteration does not converge in
 * 30·n iterations per eigenvalue (this does not happen for finite input in practice).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { eigenvaluesGeneral } from "clusterlab/advanced";
 * // a triangular matrix has its diagonal as eigenvalues
 * assert.deepEqual(eigenvaluesGeneral([[2, 5], [0, -1]]).map((z) => z.re), [2, -1]);
 * ```
 */
export function eigenvaluesGeneral(matrix: readonly (readonly number[])[]): Complex[] {
  const n = matrix.length;
  if (n === 0) return [];
  const a: number[][] = matrix.map((r) => {
    if (r.length !== n) {
      throw new RangeError(`eigenvaluesGeneral: the matrix must be square (${n} rows, a row of ${r.length})`);
    }
    if (!r.every(Number.isFinite)) {
      throw new RangeError("eigenvaluesGeneral: the matrix holds a non-finite value");
    }
    return [...r];
  });
  toHessenberg(a);
  const { wr, wi } = hessenbergEigenvalues(a);
  const out: Complex[] = [];
  for (let i = 0; i < n; i++) out.push({ re: wr[i]!, im: wi[i]! });
  out.sort((u, v) => v.re - u.re || v.im - u.im);
  return out;
}

/** `elmhes`: reduce `a` in place to upper Hessenberg form by pivoted elementary similarity transformations. */
function toHessenberg(a: number[][]): void {
  const n = a.length;
  for (let m = 1; m < n - 1; m++) {
    let x = 0;
    let i = m;
    for (let j = m; j < n; j++) {
      if (Math.abs(a[j]![m - 1]!) > Math.abs(x)) {
        x = a[j]![m - 1]!;
        i = j;
      }
    }
    if (i !== m) {
      for (let j = m - 1; j < n; j++) [a[i]![j], a[m]![j]] = [a[m]![j]!, a[i]![j]!];
      for (let j = 0; j < n; j++) [a[j]![i], a[j]![m]] = [a[j]![m]!, a[j]![i]!];
    }
    if (x !== 0) {
      for (i = m + 1; i < n; i++) {
        let y = a[i]![m - 1]!;
        if (y !== 0) {
          y /= x;
          a[i]![m - 1] = y;
          for (let j = m; j < n; j++) a[i]![j] = a[i]![j]! - y * a[m]![j]!;
          for (let j = 0; j < n; j++) a[j]![m] = a[j]![m]! + y * a[j]![i]!;
        }
      }
    }
  }
  for (let i = 2; i < n; i++) for (let j = 0; j < i - 1; j++) a[i]![j] = 0;
}

/**
 * `hqr`: every eigenvalue of the upper Hessenberg matrix `a` (destroyed), by the shifted QR algorithm with
 * Francis double shifts; roots are deflated one (1 × 1 block) or two (2 × 2 block) at a time from the bottom.
 */
function hessenbergEigenvalues(a: number[][]): { wr: Float64Array; wi: Float64Array } {
  const n = a.length;
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  let anorm = 0;
  for (let i = 0; i < n; i++) for (let j = Math.max(i - 1, 0); j < n; j++) anorm += Math.abs(a[i]![j]!);
  let nn = n - 1;
  let t = 0; // the exceptional shifts accumulated so far
  while (nn >= 0) {
    let its = 0;
    let l: number;
    do {
      l = smallSubdiagonal(a, nn, anorm);
      let x = a[nn]![nn]!;
      if (l === nn) {
        wr[nn] = x + t;
        wi[nn--] = 0;
        continue;
      }
      let y = a[nn - 1]![nn - 1]!;
      let w = a[nn]![nn - 1]! * a[nn - 1]![nn]!;
      if (l === nn - 1) {
        twoRoots(x, y, w, t, nn, { wr, wi });
        nn -= 2;
        continue;
      }
      if (its === 30 * n) throw new Error("eigenvaluesGeneral: QR iteration did not converge");
      if (its === 10 || its === 20) {
        t += x;
        for (let i = 0; i <= nn; i++) a[i]![i] = a[i]![i]! - x;
        const s = Math.abs(a[nn]![nn - 1]!) + Math.abs(a[nn - 1]![nn - 2]!);
        y = x = 0.75 * s;
        w = -0.4375 * s * s;
      }
      ++its;
      const start = sweepStart(a, l, nn, x, y, w);
      francisSweep(a, l, nn, start);
    } while (l < nn - 1);
  }
  return { wr, wi };
}

/** The row l ≤ nn where the active block starts: the first negligible subdiagonal entry above nn (set to 0). */
function smallSubdiagonal(a: number[][], nn: number, anorm: number): number {
  let l: number;
  for (l = nn; l > 0; l--) {
    let s = Math.abs(a[l - 1]![l - 1]!) + Math.abs(a[l]![l]!);
    if (s === 0) s = anorm;
    if (Math.abs(a[l]![l - 1]!) <= Number.EPSILON * s) {
      a[l]![l - 1] = 0;
      break;
    }
  }
  return l;
}

/**
 * The two roots of a deflated 2 × 2 block with diagonal entries y (upper) and x (lower) and off-diagonal
 * product w, shifted back by t: a real pair or a complex-conjugate pair, stored at nn − 1 and nn.
 */
function twoRoots(
  x: number,
  y: number,
  w: number,
  t: number,
  nn: number,
  out: { wr: Float64Array; wi: Float64Array },
): void {
  const { wr, wi } = out;
  const p = 0.5 * (y - x);
  const q = p * p + w;
  let z = Math.sqrt(Math.abs(q));
  x += t;
  if (q >= 0) {
    z = p + (p >= 0 ? Math.abs(z) : -Math.abs(z));
    wr[nn - 1] = wr[nn] = x + z;
    if (z !== 0) wr[nn] = x - w / z;
    wi[nn - 1] = wi[nn] = 0;
  } else {
    wr[nn - 1] = wr[nn] = x + p;
    wi[nn - 1] = -(wi[nn] = z);
  }
}

/** The double-shift start: the row m ≥ l from which the bulge chase begins, and the first column p, q, r. */
function sweepStart(
  a: number[][],
  l: number,
  nn: number,
  x: number,
  y: number,
  w: number,
): { m: number; p: number; q: number; r: number } {
  let m: number;
  let p = 0, q = 0, r = 0;
  for (m = nn - 2; m >= l; m--) {
    const z = a[m]![m]!;
    r = x - z;
    let s = y - z;
    p = (r * s - w) / a[m + 1]![m]! + a[m]![m + 1]!;
    q = a[m + 1]![m + 1]! - z - r - s;
    r = a[m + 2]![m + 1]!;
    s = Math.abs(p) + Math.abs(q) + Math.abs(r);
    p /= s;
    q /= s;
    r /= s;
    if (m === l) break;
    const u = Math.abs(a[m]![m - 1]!) * (Math.abs(q) + Math.abs(r));
    const v = Math.abs(p) * (Math.abs(a[m - 1]![m - 1]!) + Math.abs(z) + Math.abs(a[m + 1]![m + 1]!));
    if (u <= Number.EPSILON * v) break;
  }
  return { m, p, q, r };
}

/** One Francis double-shift QR step on rows and columns l..nn, chasing the bulge from row m down. */
function francisSweep(
  a: number[][],
  l: number,
  nn: number,
  start: { m: number; p: number; q: number; r: number },
): void {
  const m = start.m;
  let { p, q, r } = start;
  let x = 0;
  for (let i = m; i < nn - 1; i++) {
    a[i + 2]![i] = 0;
    if (i !== m) a[i + 2]![i - 1] = 0;
  }
  for (let k = m; k < nn; k++) {
    if (k !== m) {
      p = a[k]![k - 1]!;
      q = a[k + 1]![k - 1]!;
      r = 0;
      if (k + 1 !== nn) r = a[k + 2]![k - 1]!;
      if ((x = Math.abs(p) + Math.abs(q) + Math.abs(r)) !== 0) {
        p /= x;
        q /= x;
        r /= x;
      }
    }
    const sq = Math.sqrt(p * p + q * q + r * r);
    const s = p >= 0 ? sq : -sq;
    if (s === 0) continue;
    if (k === m) {
      if (l !== m) a[k]![k - 1] = -a[k]![k - 1]!;
    } else a[k]![k - 1] = -s * x;
    p += s;
    x = p / s;
    const y = q / s;
    const z = r / s;
    q /= p;
    r /= p;
    for (let j = k; j <= nn; j++) {
      p = a[k]![j]! + q * a[k + 1]![j]!;
      if (k + 1 !== nn) {
        p += r * a[k + 2]![j]!;
        a[k + 2]![j] = a[k + 2]![j]! - p * z;
      }
      a[k + 1]![j] = a[k + 1]![j]! - p * y;
      a[k]![j] = a[k]![j]! - p * x;
    }
    const mmin = nn < k + 3 ? nn : k + 3;
    for (let i = l; i <= mmin; i++) {
      p = x * a[i]![k]! + y * a[i]![k + 1]!;
      if (k + 1 !== nn) {
        p += z * a[i]![k + 2]!;
        a[i]![k + 2] = a[i]![k + 2]! - p * r;
      }
      a[i]![k + 1] = a[i]![k + 1]! - p * q;
      a[i]![k] = a[i]![k]! - p;
    }
  }
}
