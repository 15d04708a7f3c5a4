import { ensureBuild } from "../scripts/ensure-build.mjs";
import { E2E_ADMIN, E2E_API_TOKEN } from "./support/auth";
import { ROOT, startServer } from "./support/server";

/** Builds when stale, then starts one demo server that the specs share (workers: 1). */
export default async function globalSetup() {
  await ensureBuild(ROOT);
  const server = await startServer({
    OUTPOST_DEMO: "1",
    OUTPOST_PAGE_NAME: "Outpost E2E",
    OUTPOST_ADMIN_EMAIL: E2E_ADMIN.email,
    OUTPOST_ADMIN_PASSWORD: E2E_ADMIN.password,
    OUTPOST_API_TOKEN: E2E_API_TOKEN,
    // Sign-in throttling keys on the client address; tests that exercise it send their own.
    TRUST_PROXY: "1",
  });
  process.env.OUTPOST_BASE_URL = server.url;
  process.env.OUTPOST_E2E_DATABASE = server.databasePath;
  return async () => {
    await server.stop();
  };
}
