/** d3-array, pinned (untyped: the functions ClusterLab uses are re-exported by name). @module */
export { quantileSorted } from "npm:d3-array@3.2.4";
