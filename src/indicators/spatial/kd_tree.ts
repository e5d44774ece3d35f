/**
 * A static k-d tree over points in three dimensions (Bentley 1975), for nearest-neighbour and radius queries
 * without an n² scan: building is O(n log² n), a k-nearest query about O(k log n) on spread-out points.
 * Spatial builders put longitude/latitude on the unit sphere, where the chord distance orders points as the
 * great-circle distance does.
 * @module
 */

/** A k-d tree over `n` points given as x, y, z coordinate arrays. */
export class KdTree {
  readonly #x: Float64Array;
  readonly #y: Float64Array;
  readonly #z: Float64Array;
  /** Point indices in tree order: node `m` of the range [lo, hi) is the median `(lo + hi) >> 1`. */
  readonly #order: Int32Array;
  readonly #axis: Uint8Array;

  /** Build the tree over the points (x[i], y[i], z[i]). */
  constructor(x: Float64Array, y: Float64Array, z: Float64Array) {
    this.#x = x;
    this.#y = y;
    this.#z = z;
    this.#order = Int32Array.from({ length: x.length }, (_, i) => i);
    this.#axis = new Uint8Array(x.length);
    this.#build(0, x.length, 0);
  }

  #coord(i: number, axis: number): number {
    return axis === 0 ? this.#x[i]! : axis === 1 ? this.#y[i]! : this.#z[i]!;
  }

  #build(lo: number, hi: number, depth: number): void {
    if (hi - lo <= 1) return;
    const axis = depth % 3, mid = (lo + hi) >> 1;
    const part = Array.from(this.#order.subarray(lo, hi));
    part.sort((a, b) => this.#coord(a, axis) - this.#coord(b, axis) || a - b);
    this.#order.set(part, lo);
    this.#axis[mid] = axis;
    this.#build(lo, mid, depth + 1);
    this.#build(mid + 1, hi, depth + 1);
  }

  #dist2(i: number, qx: number, qy: number, qz: number): number {
    const dx = this.#x[i]! - qx, dy = this.#y[i]! - qy, dz = this.#z[i]! - qz;
    return dx * dx + dy * dy + dz * dz;
  }

  /**
   * The `k` points nearest to point `q` (itself excluded), nearest first; ties broken by the lower index.
   */
  nearest(q: number, k: number): number[] {
    const qx = this.#x[q]!, qy = this.#y[q]!, qz = this.#z[q]!;
    const best: { i: number; d: number }[] = []; // sorted ascending by (d, i), at most k
    const worse = (d: number, i: number, b: { i: number; d: number }) => d > b.d || (d === b.d && i > b.i);
    const visit = (lo: number, hi: number): void => {
      if (lo >= hi) return;
      const mid = (lo + hi) >> 1, i = this.#order[mid]!;
      if (i !== q) {
        const d = this.#dist2(i, qx, qy, qz);
        if (best.length < k || !worse(d, i, best[best.length - 1]!)) {
          let at = best.length;
          while (at > 0 && worse(best[at - 1]!.d, best[at - 1]!.i, { i, d })) at--;
          best.splice(at, 0, { i, d });
          if (best.length > k) best.pop();
        }
      }
      if (hi - lo === 1) return;
      const axis = this.#axis[mid]!;
      const diff = (axis === 0 ? qx : axis === 1 ? qy : qz) - this.#coord(i, axis);
      const [near, far] = diff <= 0 ? [[lo, mid], [mid + 1, hi]] : [[mid + 1, hi], [lo, mid]];
      visit(near[0]!, near[1]!);
      if (best.length < k || diff * diff <= best[best.length - 1]!.d) visit(far[0]!, far[1]!);
    };
    visit(0, this.#order.length);
    return best.map((b) => b.i);
  }

  /** Every point within squared distance `r2` of point `q` (itself excluded), in ascending index order. */
  within(q: number, r2: number): number[] {
    const qx = this.#x[q]!, qy = this.#y[q]!, qz = this.#z[q]!;
    const out: number[] = [];
    const visit = (lo: number, hi: number): void => {
      if (lo >= hi) return;
      const mid = (lo + hi) >> 1, i = this.#order[mid]!;
      if (i !== q && this.#dist2(i, qx, qy, qz) <= r2) out.push(i);
      if (hi - lo === 1) return;
      const axis = this.#axis[mid]!;
      const diff = (axis === 0 ? qx : axis === 1 ? qy : qz) - this.#coord(i, axis);
      if (diff <= 0 || diff * diff <= r2) visit(lo, mid);
      if (diff >= 0 || diff * diff <= r2) visit(mid + 1, hi);
    };
    visit(0, this.#order.length);
    return out.sort((a, b) => a - b);
  }
}
