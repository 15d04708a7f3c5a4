// The source has no import cycles, type-only imports included: shared types live in their own
// files (lib/snapshot-types.ts, lib/constants.ts) and each db/*-schema.ts imports page-schema.ts,
// never the index. Resolved with TypeScript's own module resolution and this tsconfig.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const SOURCE_DIRS = ["app", "components", "db", "lib", "server"];

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
        files.push(full);
    }
  };
  for (const d of SOURCE_DIRS) walk(path.join(ROOT, d));
  return files;
}

/** Each source file's imports (static, re-exports and dynamic import() with a literal) inside the project. */
function importGraph(files: string[]): Map<string, string[]> {
  const configFile = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  const inProject = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const targets: string[] = [];
    for (const ref of info.importedFiles) {
      const resolved = ts.resolveModuleName(ref.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved && inProject.has(resolved)) targets.push(resolved);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** The cycles found by a depth-first walk, each as the list of files around it. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const s = state.get(next);
      if (s === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!s) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe("imports", () => {
  it("finds a cycle when there is one", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "c", "a"]]);
  });

  it("the project's source has no import cycle", () => {
    const files = sourceFiles();
    const graph = importGraph(files);
    // The walk sees the project: the snapshot's builder reads the affected counts.
    expect(graph.get(path.join(ROOT, "lib/snapshot.ts"))).toContain(path.join(ROOT, "lib/affected.ts"));
    const cycles = findCycles(graph).map((c) => c.map((f) => path.relative(ROOT, f)).join(" → "));
    expect(cycles).toEqual([]);
  });
});
