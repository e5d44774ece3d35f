/**
 * Which shipped map a user's region codes belong to: China's provinces, Great Britain's NUTS-2 regions or
 * the world's countries, found by joining the labels on each geometry's ids and aliases (names, ISO and EU
 * codes), as `regionMap` joins them.
 * @module
 */
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { GEOMETRY_NAMES, type GeometryName, loadGeometry, type RegionGeometry } from "./geometry.ts";

/** Options of {@link matchGeometry}. */
export interface MatchGeometryOptions {
  /**
   * Smallest share of the labels a geometry must know for a match (default 0.8; design choice: a map that
   * leaves more than a fifth of the regions out says little). Between 0 (exclusive) and 1.
   */
  readonly minShare?: number;
}

/** A shipped geometry that knows the labels. */
export interface GeometryMatch {
  /** Its name (for `loadGeometry`). */
  readonly name: GeometryName;
  /** The geometry itself (for `regionMap`). */
  readonly geometry: RegionGeometry;
  /** The labels it knows (ids or aliases), in the order given. */
  readonly matched: readonly string[];
  /** The labels it does not know, or knows without a shape at its scale. */
  readonly unmatched: readonly string[];
  /** matched / labels. */
  readonly share: number;
}

/**
 * The shipped geometry (`"china-provinces"`, `"uk-nuts2"`, `"world-countries"`) that knows the largest
 * share of `labels` as ids or aliases, when that share is at least `minShare`; `undefined` otherwise (no map).
 * Repeated labels count once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matchGeometry } from "clusterlab/advanced";
 * const m = await matchGeometry(["UKC1", "UKC2", "UKI3", "UKX9"], { minShare: 0.5 });
 * assert.equal(m?.name, "uk-nuts2");
 * assert.deepEqual(m?.unmatched, ["UKX9"]);
 * assert.equal((await matchGeometry(["浙江", "Beijing", "CN-GD"]))?.name, "china-provinces");
 * assert.equal((await matchGeometry(["DEU", "France", "EL"]))?.name, "world-countries");
 * assert.equal(await matchGeometry(["north", "south"]), undefined);
 * ```
 */
export async function matchGeometry(
  labels: readonly string[],
  options: MatchGeometryOptions = {},
): Promise<GeometryMatch | undefined> {
  const minShare = options.minShare ?? 0.8;
  if (!(typeof minShare === "number" && minShare > 0 && minShare <= 1)) {
    throw new ValidationError("options of matchGeometry", [{
      column: "minShare",
      expected: "a number in (0, 1]",
      received: describeValue(minShare),
    }]);
  }
  const unique = [...new Set(labels.map(String))];
  if (unique.length === 0) return undefined;
  let best: GeometryMatch | undefined;
  for (const name of GEOMETRY_NAMES) {
    const geometry = await loadGeometry(name);
    const ids = new Set(geometry.ids);
    const known = (l: string) => ids.has(l) || geometry.aliases.has(l);
    const matched = unique.filter(known), unmatched = unique.filter((l) => !known(l));
    const share = matched.length / unique.length;
    if (share >= minShare && (best === undefined || share > best.share)) {
      best = { name, geometry, matched, unmatched, share };
    }
  }
  return best;
}
