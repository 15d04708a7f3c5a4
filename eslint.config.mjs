import next from "eslint-config-next";
import nextTs from "eslint-config-next/typescript";

export default [
  ...next,
  ...nextTs,
  { ignores: ["node_modules/", ".next/", "dist/", "bench/", "e2e/.artifacts/", "test-results/", "next-env.d.ts", "db/migrations/"] },
];
