import { ensureBuild } from "../scripts/ensure-build.mjs";
import { ROOT, startServer } from "./support/server";

/** Builds when stale, then starts one demo server that the specs share (workers: 1). */
export default async function globalSetup() {
  await ensureBuild(ROOT);
  const server = await startServer({ OUTPOST_DEMO: "1", OUTPOST_PAGE_NAME: "Outpost E2E" });
  process.env.OUTPOST_BASE_URL = server.url;
  process.env.OUTPOST_E2E_DATABASE = server.databasePath;
  return async () => {
    await server.stop();
  };
}
