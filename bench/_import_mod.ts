import "../src/mod.ts";
