/** Speed of loading the shipped datasets (`deno bench -A bench/data_bench.ts`). */
import { loadDataset } from "clusterlab";

// Warm the lookup tables (cached) so each bench measures the dataset itself.
for (const name of ["uk-regions", "uk-sic4", "uk-clusters", "wipo-fields", "h2020-types"]) {
  await loadDataset(name);
}

for (const name of ["h2020-country-ties", "uk-employment-sic4", "nsf-patents", "china-provinces-st"]) {
  Deno.bench(`loadDataset("${name}") uncached, validated`, { group: "datasets" }, async () => {
    await loadDataset(name, { cache: false });
  });
}
