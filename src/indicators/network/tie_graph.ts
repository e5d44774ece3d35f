/**
 * The network behind every network indicator: a tie list (the `TIES` schema: `source`, `target`, `weight`) or
 * a graphology graph, read once into compressed sparse rows (typed arrays). Repeated pairs are merged with
 * their weights summed, self-ties are left out, and both are counted in `warnings`.
 * 组织网络：由联系表（或 graphology 图）构建的稀疏邻接结构。
 * @module
 */
import { isDanfoFrame, isTable, type TableInput, toTable } from "../../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../../core/validation_error.ts";

/**
 * A graphology graph, as far as ClusterLab reads it (graphology's `Graph`, `UndirectedGraph` or
 * `DirectedGraph`; a local interface so that no third-party type enters the public API).
 */
export interface GraphLike {
  /** "undirected", "directed" or "mixed". */
  readonly type: string;
  /** Number of nodes. */
  readonly order: number;
  /** Visit every node key. */
  forEachNode(callback: (node: string) => void): void;
  /** Visit every edge: its key, attributes, source and target. */
  forEachEdge(
    callback: (edge: string, attributes: Record<string, unknown>, source: string, target: string) => void,
  ): void;
}

/** What the network functions accept: a tie table (`source`, `target`, optional `weight`) or a graphology graph. */
export type TiesInput = TableInput | GraphLike;

/** Options of {@link tieGraph}. */
export interface TieGraphOptions {
  /** Read ties as directed source → target (default false: a tie joins both ends). */
  readonly directed?: boolean;
  /**
   * Column (or edge attribute) of the tie weight (default "weight"; when that default column is absent every
   * tie weighs 1, as the `TIES` schema says); `null`: every tie weighs 1.
   */
  readonly weight?: string | null;
  /**
   * Every node of the network, in order. Ties must then name only these (else a {@link ValidationError}
   * naming the row); a node without ties is an isolate. Default: the ids the ties name, in order of
   * appearance (source before target).
   */
  readonly nodes?: readonly string[];
  /** What the input is called in error messages (default "tie table"). */
  readonly subject?: string;
}

/**
 * A network in compressed sparse rows: the out-neighbours of node `i` are
 * `outAdj[outStart[i]] … outAdj[outStart[i + 1] − 1]`, with their tie weights in `outWeight`; `in*` holds the
 * in-neighbours (the same arrays when undirected, where each tie is listed at both ends).
 */
export interface TieGraph {
  /** Node ids, in node order. */
  readonly ids: readonly string[];
  /** Position of each id in {@link TieGraph.ids}. */
  readonly index: ReadonlyMap<string, number>;
  /** Were the ties read as directed? */
  readonly directed: boolean;
  /** Distinct ties: unordered pairs (undirected) or ordered pairs (directed). */
  readonly ties: number;
  /** First end of each distinct tie (the source when directed). */
  readonly tieSource: Int32Array;
  /** Second end of each distinct tie (the target when directed). */
  readonly tieTarget: Int32Array;
  /** Weight of each distinct tie (sum over the rows that name the pair). */
  readonly tieWeight: Float64Array;
  /** Row starts of the out-neighbour lists (length n + 1). */
  readonly outStart: Int32Array;
  /** Out-neighbours, row after row. */
  readonly outAdj: Int32Array;
  /** Weights of {@link TieGraph.outAdj}. */
  readonly outWeight: Float64Array;
  /** Row starts of the in-neighbour lists. */
  readonly inStart: Int32Array;
  /** In-neighbours, row after row. */
  readonly inAdj: Int32Array;
  /** Weights of {@link TieGraph.inAdj}. */
  readonly inWeight: Float64Array;
  /** Merged repeated pairs, left-out self-ties. */
  readonly warnings: readonly string[];
}

/** Is `x` shaped like a graphology graph? */
export function isGraphLike(x: unknown): x is GraphLike {
  return typeof x === "object" && x !== null && !isTable(x) && !isDanfoFrame(x) &&
    typeof (x as GraphLike).forEachEdge === "function" &&
    typeof (x as GraphLike).forEachNode === "function" &&
    typeof (x as GraphLike).order === "number";
}

/** Raw ties before merging: end indices and weights per row, and the node ids. */
interface RawTies {
  readonly ids: string[];
  readonly index: Map<string, number>;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly w: Float64Array;
  readonly directed: boolean;
}

/** Node ids from `nodes`, each a non-empty unique text. */
function nodeIndex(nodes: readonly string[] | undefined, subject: string): Map<string, number> {
  const index = new Map<string, number>();
  if (nodes === undefined) return index;
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(nodes)) {
    throw new ValidationError(`options of ${subject}`, [{
      column: "nodes",
      expected: "an array of node ids",
      received: describeValue(nodes),
    }]);
  }
  nodes.forEach((id, k) => {
    if (typeof id !== "string" || id === "") {
      issues.push({ column: `nodes[${k}]`, expected: "a non-empty text id", received: describeValue(id) });
    } else if (index.has(id)) {
      issues.push({
        column: `nodes[${k}]`,
        expected: "a unique id",
        received: `${JSON.stringify(id)} (repeated)`,
      });
    } else index.set(id, index.size);
  });
  if (issues.length > 0) throw new ValidationError(`options of ${subject}`, issues);
  return index;
}

/** Read the rows of a tie table: ends and weights, validated. */
function readTable(input: TableInput, options: TieGraphOptions, subject: string): RawTies {
  const t = toTable(input);
  const weightCol = options.weight === undefined ? "weight" : options.weight;
  const issues: ValidationIssue[] = [];
  for (const c of ["source", "target"]) {
    // an empty list of ties (e.g. `[]`) has no columns: nothing to read
    if (!t.columnNames().includes(c) && t.numRows() > 0) {
      issues.push({ column: c, expected: "a column of node ids", received: "no such column" });
    }
  }
  const hasWeight = weightCol !== null && t.columnNames().includes(weightCol);
  if (weightCol !== null && !hasWeight && options.weight !== undefined) {
    issues.push({ column: weightCol, expected: "a column of tie weights", received: "no such column" });
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  const closed = options.nodes !== undefined;
  const index = nodeIndex(options.nodes, subject);
  const m = t.numRows();
  const a = new Int32Array(m), b = new Int32Array(m), w = new Float64Array(m).fill(1);
  const gS = m > 0 ? t.getter("source") : () => undefined, gT = m > 0 ? t.getter("target") : () => undefined;
  const gW = hasWeight ? t.getter(weightCol!) : null;
  const end = (v: unknown, row: number, column: string): number => {
    if (typeof v !== "string" || v === "") {
      issues.push({ row, column, expected: "a non-empty text id", received: describeValue(v) });
      return -1;
    }
    let k = index.get(v);
    if (k === undefined) {
      if (closed) {
        issues.push({ row, column, expected: "an id of the network's nodes", received: describeValue(v) });
        return -1;
      }
      index.set(v, k = index.size);
    }
    return k;
  };
  for (let i = 0; i < m; i++) {
    a[i] = end(gS(i), i + 1, "source");
    b[i] = end(gT(i), i + 1, "target");
    if (gW) {
      const v = gW(i);
      if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
        issues.push({
          row: i + 1,
          column: weightCol!,
          expected: "a positive finite number (a tie of weight 0 is no tie: leave the row out)",
          received: describeValue(v),
        });
      } else w[i] = v;
    }
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return { ids: [...index.keys()], index, a, b, w, directed: options.directed ?? false };
}

/** Read the edges of a graphology graph. */
function readGraph(g: GraphLike, options: TieGraphOptions, subject: string): RawTies {
  const issues: ValidationIssue[] = [];
  if (options.nodes !== undefined) {
    issues.push({
      column: "nodes",
      expected: "no nodes option with a graphology graph (its nodes are the network's)",
      received: `${options.nodes.length} ids`,
    });
  }
  const directed = options.directed ?? g.type === "directed";
  if (directed && g.type !== "directed") {
    issues.push({ column: "directed", expected: `false for a ${g.type} graph`, received: "true" });
  }
  if (issues.length > 0) throw new ValidationError(`options of ${subject}`, issues);
  const index = new Map<string, number>();
  g.forEachNode((node) => void index.set(node, index.size));
  const weightAttr = options.weight === undefined ? "weight" : options.weight;
  const a: number[] = [], b: number[] = [], w: number[] = [];
  g.forEachEdge((edge, attributes, source, target) => {
    let v: unknown = 1;
    if (weightAttr !== null && attributes[weightAttr] !== undefined) v = attributes[weightAttr];
    if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) {
      issues.push({
        column: `edge ${edge} (${source} – ${target}), attribute ${weightAttr}`,
        expected: "a positive finite number",
        received: describeValue(v),
      });
      return;
    }
    a.push(index.get(source)!);
    b.push(index.get(target)!);
    w.push(v);
  });
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return {
    ids: [...index.keys()],
    index,
    a: Int32Array.from(a),
    b: Int32Array.from(b),
    w: Float64Array.from(w),
    directed,
  };
}

/** Compressed rows of the ties listed in `from` → `to` (with weights), for n nodes. */
function compress(
  n: number,
  from: Int32Array,
  to: Int32Array,
  weight: Float64Array,
): { start: Int32Array; adj: Int32Array; w: Float64Array } {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < from.length; k++) start[from[k]! + 1]++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(from.length), w = new Float64Array(from.length);
  for (let k = 0; k < from.length; k++) {
    const p = fill[from[k]!]!++;
    adj[p] = to[k]!;
    w[p] = weight[k]!;
  }
  return { start, adj, w };
}

/**
 * Read a tie list or a graphology graph into a {@link TieGraph}. Rows naming the same pair (the same
 * unordered pair when undirected) are merged, their weights summed; self-ties are left out. Both are counted
 * in `warnings`. Ends must be non-empty text ids and weights positive finite numbers: anything else is a
 * {@link ValidationError} naming the row and column.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tieGraph } from "clusterlab/advanced";
 * const g = tieGraph([
 *   { source: "a", target: "b", weight: 1 },
 *   { source: "b", target: "a", weight: 2 },
 *   { source: "b", target: "c", weight: 1 },
 * ]);
 * assert.deepEqual(g.ids, ["a", "b", "c"]);
 * assert.equal(g.ties, 2); // a–b (weight 1 + 2) and b–c
 * assert.deepEqual([...g.tieWeight], [3, 1]);
 * assert.match(g.warnings[0]!, /1 row repeats a pair/);
 * ```
 */
export function tieGraph(ties: TiesInput, options: TieGraphOptions = {}): TieGraph {
  const subject = options.subject ?? "tie table";
  const raw = isGraphLike(ties) ? readGraph(ties, options, subject) : readTable(ties, options, subject);
  const n = raw.ids.length, directed = raw.directed;
  const pair = new Map<number, number>();
  const ta: number[] = [], tb: number[] = [], tw: number[] = [];
  let selfTies = 0, repeats = 0;
  for (let k = 0; k < raw.a.length; k++) {
    let x = raw.a[k]!, y = raw.b[k]!;
    if (x === y) {
      selfTies++;
      continue;
    }
    if (!directed && x > y) [x, y] = [y, x];
    const key = x * n + y;
    const p = pair.get(key);
    if (p !== undefined) {
      repeats++;
      tw[p]! += raw.w[k]!;
      continue;
    }
    pair.set(key, ta.length);
    ta.push(x);
    tb.push(y);
    tw.push(raw.w[k]!);
  }
  const tieSource = Int32Array.from(ta), tieTarget = Int32Array.from(tb), tieWeight = Float64Array.from(tw);
  const warnings: string[] = [];
  if (repeats > 0) {
    warnings.push(
      `${repeats} ${repeats === 1 ? "row repeats a pair" : "rows repeat a pair"} already listed ${
        directed ? "(same source and target)" : "(in either direction)"
      }: merged into one tie, weights summed`,
    );
  }
  if (selfTies > 0) warnings.push(`${selfTies} self-ties (source = target) left out`);
  let out, inn;
  if (directed) {
    out = compress(n, tieSource, tieTarget, tieWeight);
    inn = compress(n, tieTarget, tieSource, tieWeight);
  } else {
    const m = ta.length;
    const from = new Int32Array(2 * m), to = new Int32Array(2 * m), w = new Float64Array(2 * m);
    from.set(tieSource), from.set(tieTarget, m);
    to.set(tieTarget), to.set(tieSource, m);
    w.set(tieWeight), w.set(tieWeight, m);
    out = inn = compress(n, from, to, w);
  }
  return {
    ids: raw.ids,
    index: raw.index,
    directed,
    ties: ta.length,
    tieSource,
    tieTarget,
    tieWeight,
    outStart: out.start,
    outAdj: out.adj,
    outWeight: out.w,
    inStart: inn.start,
    inAdj: inn.adj,
    inWeight: inn.w,
    warnings,
  };
}

/**
 * Connected components of a {@link TieGraph}, ties read as undirected (weak components when directed):
 * the component of each node, numbered 0, 1, … by decreasing size (ties: the component of the earlier node
 * first), and the sizes in that order. Breadth-first search, O(n + m).
 */
export function componentsOf(g: TieGraph): { component: Int32Array; sizes: number[] } {
  const n = g.ids.length;
  const raw = new Int32Array(n).fill(-1), queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (raw[s] !== -1) continue;
    const c = sizes.length;
    let head = 0, tail = 0;
    queue[tail++] = s;
    raw[s] = c;
    while (head < tail) {
      const v = queue[head++]!;
      for (const [start, adj] of [[g.outStart, g.outAdj], [g.inStart, g.inAdj]] as const) {
        for (let p = start[v]!; p < start[v + 1]!; p++) {
          const u = adj[p]!;
          if (raw[u] === -1) {
            raw[u] = c;
            queue[tail++] = u;
          }
        }
        if (!g.directed) break;
      }
    }
    sizes.push(tail);
  }
  const order = sizes.map((_, c) => c).sort((x, y) => sizes[y]! - sizes[x]! || x - y);
  const rank = new Int32Array(sizes.length);
  order.forEach((c, r) => (rank[c] = r));
  const component = raw.map((c) => rank[c]!);
  return { component, sizes: order.map((c) => sizes[c]!) };
}
