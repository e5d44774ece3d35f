/**
 * Small dense linear algebra for the dynamic models: eigenvalues of a general real matrix (Jacobians) and
 * the solution of a linear system (equilibria). 一般实矩阵的特征值与线性方程组求解。
 *
 * Eigenvalues: reduction to upper Hessenberg form by stabilised elementary similarity transformations
 * followed by the shifted QR algorithm with Francis double shifts — the EISPACK routines `elmhes` and `hqr`
 * (Martin & Wilkinson 1968; Martin, Peters & Wilkinson 1970), as given in Press et al., *Numerical Recipes*,
 * 3rd ed. (2007), §11.6–11.7. Linear systems: Gaussian elimination with partial pivoting. Symmetric
 * eigenpairs (eigenvectors included, large sparse operators) are in src/indicators/spectral.ts.
 *
 * @example
 * ```ts
 * import { eigenvaluesGeneral } from "clusterlab";
 * eigenvaluesGeneral([[0, 1], [-1, 0]]); // [{re: 0, im: 1}, {re: 0, im: -1}]
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
 * imaginary part. Throws if the QR iteration does not converge in 30·n iterations per eigenvalue (this does
 * not happen for finite input in practice).
 *
 * @example
 * ```ts
 * import { eigenvaluesGeneral } from "clusterlab";
 * eigenvaluesGeneral([[2, 0], [0, -1]]).map((z) => z.re); // [2, -1]
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
  // elmhes: reduce to upper Hessenberg form
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
  // hqr: eigenvalues of the Hessenberg matrix
  const wr = new Float64Array(n);
  const wi = new Float64Array(n);
  let anorm = 0;
  for (let i = 0; i < n; i++) for (let j = Math.max(i - 1, 0); j < n; j++) anorm += Math.abs(a[i]![j]!);
  let nn = n - 1;
  let t = 0;
  let p = 0, q = 0, r = 0, s = 0, w = 0, x = 0, y = 0, z = 0;
  while (nn >= 0) {
    let its = 0;
    let l: number;
    do {
      for (l = nn; l > 0; l--) {
        s = Math.abs(a[l - 1]![l - 1]!) + Math.abs(a[l]![l]!);
        if (s === 0) s = anorm;
        if (Math.abs(a[l]![l - 1]!) <= Number.EPSILON * s) {
          a[l]![l - 1] = 0;
          break;
        }
      }
      x = a[nn]![nn]!;
      if (l === nn) {
        wr[nn] = x + t;
        wi[nn--] = 0;
      } else {
        y = a[nn - 1]![nn - 1]!;
        w = a[nn]![nn - 1]! * a[nn - 1]![nn]!;
        if (l === nn - 1) {
          p = 0.5 * (y - x);
          q = p * p + w;
          z = Math.sqrt(Math.abs(q));
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
          nn -= 2;
        } else {
          if (its === 30 * n) throw new Error("eigenvaluesGeneral: QR iteration did not converge");
          if (its === 10 || its === 20) {
            t += x;
            for (let i = 0; i <= nn; i++) a[i]![i] = a[i]![i]! - x;
            s = Math.abs(a[nn]![nn - 1]!) + Math.abs(a[nn - 1]![nn - 2]!);
            y = x = 0.75 * s;
            w = -0.4375 * s * s;
          }
          ++its;
          let m: number;
          for (m = nn - 2; m >= l; m--) {
            z = a[m]![m]!;
            r = x - z;
            s = y - z;
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
            if ((s = p >= 0 ? sq : -sq) !== 0) {
              if (k === m) {
                if (l !== m) a[k]![k - 1] = -a[k]![k - 1]!;
              } else a[k]![k - 1] = -s * x;
              p += s;
              x = p / s;
              y = q / s;
              z = r / s;
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
        }
      }
    } while (l < nn - 1);
  }
  const out: Complex[] = [];
  for (let i = 0; i < n; i++) out.push({ re: wr[i]!, im: wi[i]! });
  out.sort((u, v) => v.re - u.re || v.im - u.im);
  return out;
}

/**
 * Solve A x = b by Gaussian elimination with partial pivoting. Returns `null` when A is singular (a pivot
 * below `tolerance` times the largest absolute entry of A).
 *
 * @example
 * ```ts
 * import { solveLinearSystem } from "clusterlab";
 * solveLinearSystem([[2, 1], [1, 3]], [3, 5]); // [0.8, 1.4]
 * ```
 */
export function solveLinearSystem(
  A: readonly (readonly number[])[],
  b: readonly number[],
  tolerance = 1e-12,
): number[] | null {
  const n = A.length;
  const m = A.map((row, i) => [...row, b[i]!]);
  let scale = 0;
  for (const row of A) for (const v of row) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) return n === 0 ? [] : null;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    if (Math.abs(m[piv]![c]!) <= tolerance * scale) return null;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}
