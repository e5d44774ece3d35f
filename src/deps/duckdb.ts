/** DuckDB (embedded SQL engine, native addon), pinned. Import this module lazily (`await import`), only inside the functions that scan large inputs: importing ClusterLab never loads DuckDB. @module */
export * from "npm:@duckdb/node-api@1.5.6-r.1";
