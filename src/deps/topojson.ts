/** topojson-client (TopoJSON → GeoJSON, shared-arc neighbours), pinned. @module */
export * from "npm:topojson-client@3.1.0";
