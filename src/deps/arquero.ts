/** arquero (tables), pinned. `@uwdata/flechette` is pinned to 2.6.0 first: arquero 8 asks for `^2`, and 2.7.0 depends on a package missing from the npm registry. @module */
import "npm:@uwdata/flechette@2.6.0";
export * from "npm:arquero@8.0.3";
