// Every table, one import for queries and drizzle-kit. Each area keeps its tables in its own file;
// those files import only what they reference from page-schema.ts, never this index.
export * from "./page-schema";
export * from "./staff-schema";
export * from "./reach-schema";
export * from "./monitors-schema";
export * from "./syndication-schema";
export * from "./alerts-schema";
