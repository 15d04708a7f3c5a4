import next from "eslint-config-next";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    // The public pages are rendered to static HTML by server/render.tsx, outside Next's router.
    files: ["components/pages/**"],
    rules: { "@next/next/no-head-element": "off", "@next/next/no-html-link-for-pages": "off", "@next/next/no-img-element": "off" },
  },
  { ignores: ["node_modules/", ".next/", "dist/", "bench/", "e2e/.artifacts/", "test-results/", "next-env.d.ts", "db/migrations/"] },
];
export default config;
