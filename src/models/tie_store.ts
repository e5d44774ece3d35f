/**
 * The changing network of the tie dynamics ({@link TieStore}): rows with spare room and a dense list of ties,
 * so that a tie is added or removed in O(1) (plus a rescan of its two rows' running weight sums) and a tie can
 * be picked by its number. 变化中的网络：带余量的邻接行与稠密的联系列表。
 * @module
 */
import type { Adjacency } from "../indicators/network/network_statistics.ts";

/** The CSR network a {@link TieStore} starts from (an `AgentNetwork`'s rows). */
export interface TieRows {
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly cumulative: Float64Array;
}

/**
 * A network that changes. Each organisation's ties sit in a row of an arena with spare room (`start`,
 * `degree`, `capacity`; slot k holds the neighbour `neighbours[k]`, the weight, the running sum
 * `cumulative[k]` of the row's weights, `slotTie[k]`, the tie's number, and `used[k]`, the last step
 * knowledge flowed through the tie from this end). The ties themselves form a dense list 0 … ties − 1
 * (`tieA`, `tieB`: the ends; `slotA`, `slotB`: their slots), so that a step can pick ties at random
 * positions. A row keeps the
 * fixed network's cumulative weights until it changes, so that until then a partner is chosen exactly as
 * in the fixed network.
 */
export class TieStore implements Adjacency {
  readonly n: number;
  readonly start: Int32Array;
  readonly degree: Int32Array;
  readonly capacity: Int32Array;
  neighbours: Int32Array;
  weight: Float64Array;
  cumulative: Float64Array;
  slotTie: Int32Array;
  used: Int32Array;
  tieA: Int32Array;
  tieB: Int32Array;
  slotA: Int32Array;
  slotB: Int32Array;
  /** Number of ties. */
  ties = 0;
  /** First free slot of the arena. */
  top = 0;

  /** The network of `rows` (slots in the same order as its rows). */
  constructor(rows: TieRows) {
    const { offsets, neighbours, cumulative } = rows;
    const n = this.n = offsets.length - 1;
    this.start = new Int32Array(n);
    this.degree = new Int32Array(n);
    this.capacity = new Int32Array(n);
    let size = 0;
    for (let a = 0; a < n; a++) size += Math.max(4, 2 * (offsets[a + 1]! - offsets[a]!));
    this.neighbours = new Int32Array(size);
    this.weight = new Float64Array(size);
    this.cumulative = new Float64Array(size);
    this.slotTie = new Int32Array(size);
    this.used = new Int32Array(size);
    const m = Math.max(16, neighbours.length); // room for twice the ties of the start
    this.tieA = new Int32Array(m);
    this.tieB = new Int32Array(m);
    this.slotA = new Int32Array(m);
    this.slotB = new Int32Array(m);
    let top = 0;
    for (let a = 0; a < n; a++) {
      const s = offsets[a]!, d = offsets[a + 1]! - s;
      this.start[a] = top;
      this.degree[a] = d;
      this.capacity[a] = Math.max(4, 2 * d);
      for (let k = 0; k < d; k++) {
        this.neighbours[top + k] = neighbours[s + k]!;
        this.cumulative[top + k] = cumulative[s + k]!;
        // the rows hold running sums: differences give the weights back (exactly for integer weights)
        this.weight[top + k] = cumulative[s + k]! - (k > 0 ? cumulative[s + k - 1]! : 0);
      }
      top += this.capacity[a]!;
    }
    this.top = top;
    this.#numberTies();
  }

  /** Number the ties (in row order of their lower end) and link each with its two slots; O(n + m). */
  #numberTies(): void {
    const { n, start, degree, neighbours, slotTie, tieA, tieB, slotA, slotB } = this;
    const higher = new Int32Array(n + 1); // ties by their higher end (counting sort)
    for (let a = 0; a < n; a++) {
      for (let k = start[a]!, e = k + degree[a]!; k < e; k++) {
        const b = neighbours[k]!;
        if (b < a) continue;
        const i = this.ties++;
        tieA[i] = a;
        tieB[i] = b;
        slotA[i] = k;
        slotTie[k] = i;
        higher[b + 1]!++;
      }
    }
    for (let b = 0; b < n; b++) higher[b + 1]! += higher[b]!;
    const byHigher = new Int32Array(this.ties), fill = higher.slice(0, n);
    for (let i = 0; i < this.ties; i++) byHigher[fill[tieB[i]!]!++] = i;
    const where = new Int32Array(n); // slot of each neighbour in the current row
    for (let b = 0; b < n; b++) {
      for (let k = start[b]!, e = k + degree[b]!; k < e; k++) where[neighbours[k]!] = k;
      for (let t = higher[b]!; t < higher[b + 1]!; t++) {
        const i = byHigher[t]!, k = where[tieA[i]!]!;
        slotB[i] = k;
        slotTie[k] = i;
      }
    }
  }

  /** Is there a tie between a and b (a ≠ b)? Scans the shorter row. */
  has(a: number, b: number): boolean {
    const short = this.degree[a]! <= this.degree[b]!;
    const x = short ? a : b, y = short ? b : a;
    const nb = this.neighbours;
    for (let k = this.start[x]!, e = k + this.degree[x]!; k < e; k++) if (nb[k] === y) return true;
    return false;
  }

  /** Was tie i used at `step` (knowledge flowed through it from either end)? */
  usedAt(i: number, step: number): boolean {
    return this.used[this.slotA[i]!] === step || this.used[this.slotB[i]!] === step;
  }

  /** Add the tie a–b of weight w (not yet present); it was last used at step 0. */
  add(a: number, b: number, w: number): void {
    this.#room(a);
    this.#room(b);
    if (this.ties === this.tieA.length) this.#growTies();
    const ka = this.start[a]! + this.degree[a]!++, kb = this.start[b]! + this.degree[b]!++;
    const { neighbours, weight, cumulative, slotTie, used } = this;
    const i = this.ties++;
    neighbours[ka] = b;
    neighbours[kb] = a;
    weight[ka] = w;
    weight[kb] = w;
    cumulative[ka] = (ka > this.start[a]! ? cumulative[ka - 1]! : 0) + w;
    cumulative[kb] = (kb > this.start[b]! ? cumulative[kb - 1]! : 0) + w;
    slotTie[ka] = i;
    slotTie[kb] = i;
    used[ka] = 0;
    used[kb] = 0;
    this.tieA[i] = a;
    this.tieB[i] = b;
    this.slotA[i] = ka;
    this.slotB[i] = kb;
  }

  /** Remove tie i: its two slots leave their rows, and the last tie of the list takes number i. */
  remove(i: number): void {
    const a = this.tieA[i]!, b = this.tieB[i]!, ka = this.slotA[i]!, kb = this.slotB[i]!;
    this.#swapOut(a, ka);
    this.#swapOut(b, kb);
    this.#resum(a, ka);
    this.#resum(b, kb);
    const last = --this.ties;
    if (i === last) return;
    this.tieA[i] = this.tieA[last]!;
    this.tieB[i] = this.tieB[last]!;
    this.slotA[i] = this.slotA[last]!;
    this.slotB[i] = this.slotB[last]!;
    this.slotTie[this.slotA[i]!] = i;
    this.slotTie[this.slotB[i]!] = i;
  }

  /** Point tie j's end x at slot k. */
  #moved(j: number, x: number, k: number): void {
    if (this.tieA[j] === x) this.slotA[j] = k;
    else this.slotB[j] = k;
  }

  /** Move the last slot of x's row into slot k (its tie follows), shortening the row. */
  #swapOut(x: number, k: number): void {
    const last = this.start[x]! + --this.degree[x]!;
    if (k === last) return;
    this.neighbours[k] = this.neighbours[last]!;
    this.weight[k] = this.weight[last]!;
    this.used[k] = this.used[last]!;
    const j = this.slotTie[k] = this.slotTie[last]!;
    this.#moved(j, x, k);
  }

  /** Running sums of x's weights, in row order, from slot `from` on (the slots before it did not change). */
  #resum(x: number, from: number): void {
    const { weight, cumulative } = this, s = this.start[x]!;
    let c = from > s ? cumulative[from - 1]! : 0;
    for (let k = from, e = s + this.degree[x]!; k < e; k++) cumulative[k] = c += weight[k]!;
  }

  /** Make room for one more slot in x's row: move the row to the end of the arena with twice the room. */
  #room(x: number): void {
    if (this.degree[x]! < this.capacity[x]!) return;
    const cap = 2 * this.capacity[x]!, from = this.start[x]!, d = this.degree[x]!;
    if (this.top + cap > this.neighbours.length) this.#growArena(this.top + cap);
    const to = this.top;
    this.neighbours.copyWithin(to, from, from + d);
    this.weight.copyWithin(to, from, from + d);
    this.cumulative.copyWithin(to, from, from + d);
    this.slotTie.copyWithin(to, from, from + d);
    this.used.copyWithin(to, from, from + d);
    for (let k = to; k < to + d; k++) this.#moved(this.slotTie[k]!, x, k);
    this.start[x] = to;
    this.capacity[x] = cap;
    this.top += cap;
  }

  /** Grow the arena to at least `size` slots (doubling). */
  #growArena(size: number): void {
    const len = Math.max(size, 2 * this.neighbours.length);
    this.neighbours = grown(this.neighbours, new Int32Array(len));
    this.slotTie = grown(this.slotTie, new Int32Array(len));
    this.used = grown(this.used, new Int32Array(len));
    this.weight = grown(this.weight, new Float64Array(len));
    this.cumulative = grown(this.cumulative, new Float64Array(len));
  }

  /** Double the room of the tie list. */
  #growTies(): void {
    const len = 2 * this.tieA.length;
    this.tieA = grown(this.tieA, new Int32Array(len));
    this.tieB = grown(this.tieB, new Int32Array(len));
    this.slotA = grown(this.slotA, new Int32Array(len));
    this.slotB = grown(this.slotB, new Int32Array(len));
  }
}

/** `to` with `from` copied into its start. */
function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
