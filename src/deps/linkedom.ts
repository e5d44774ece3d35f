/** linkedom (a server-side DOM for Plot), pinned. @module */
export * from "npm:linkedom@0.18.15";
