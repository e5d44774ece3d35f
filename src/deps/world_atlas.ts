/** world-atlas (Natural Earth 1:110m countries as TopoJSON, public domain), pinned; read by scripts/build_data.ts. @module */
import atlas from "npm:world-atlas@2.0.2/countries-110m.json" with { type: "json" };
export default atlas;
