// The server's entry: reads the configuration, then becomes what this process is. Each role is
// loaded on demand, so the primary and the workers never load Next.
import cluster from "node:cluster";
import { config, ConfigError, type Config } from "@/lib/config";
import { fail } from "./fail";

async function main() {
  let cfg: Config;
  try {
    cfg = config();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  if (cluster.isPrimary && cfg.role === "main") {
    if (cfg.workers === 0) return (await import("./single")).runSingle(cfg);
    return (await import("./primary")).runPrimary(cfg);
  }
  if (cfg.role === "writer") return (await import("./writer")).runWriter(cfg);
  return (await import("./worker")).runWorker(cfg);
}

main().catch((err) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
