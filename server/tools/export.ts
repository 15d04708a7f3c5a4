// `npm run export -- DIR`: writes the static mirror (pages, JSON API, feeds, badges, widget) into DIR.
import path from "node:path";
import { currentSnapshot } from "@/lib/snapshot";
import { loadAssets } from "../assets";
import { collectMirrorFiles, writeMirrorDir } from "../mirror";
import { openToolDatabase } from "../tool-database";

export async function run(args: string[]): Promise<number> {
  const dir = args[0];
  if (!dir) {
    console.error("usage: npm run export -- DIR");
    return 2;
  }
  const db = openToolDatabase();
  try {
    const started = Date.now();
    const files = collectMirrorFiles(currentSnapshot(), loadAssets(path.resolve(process.cwd(), "dist")));
    writeMirrorDir(dir, files);
    const bytes = files.reduce((n, f) => n + f.body.length, 0);
    console.log(
      `outpost: wrote ${files.length} files (${Math.round(bytes / 1024)} KB) into ${path.resolve(dir)} in ${Date.now() - started} ms`,
    );
    return 0;
  } catch (err) {
    console.error(`outpost: export failed: ${(err as Error).message}`);
    return 1;
  } finally {
    db.$client.close();
  }
}
