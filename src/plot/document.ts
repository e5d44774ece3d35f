/**
 * A server-side DOM for Observable Plot (linkedom), shared by every chart ClusterLab renders.
 * @module
 */
import { parseHTML } from "../deps/linkedom.ts";

/** The linkedom `document` Plot renders into. */
export const document: Document = parseHTML("<!doctype html><html><head></head><body></body></html>")
  .document as unknown as Document;
