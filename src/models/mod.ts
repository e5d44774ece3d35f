/** models. Each line re-exports one concept file. @module */
export {};
