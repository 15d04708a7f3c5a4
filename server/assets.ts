// The inline CSS and script of the public pages, built by `npm run build` into dist/.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PageAssets } from "@/components/pages/Document";

export type LoadedAssets = PageAssets & { csp: string };

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * A CSP that allows exactly the inline style and script, by hash (pre-built pages cannot carry
 * nonces); `extraStyles` are further inline <style> texts, such as the brand colour's.
 */
export function contentSecurityPolicy(assets: PageAssets, extraStyles: string[] = []): string {
  return [
    "default-src 'none'",
    `style-src ${[assets.css, ...extraStyles].map(sha256).join(" ")}`,
    `script-src ${sha256(assets.script)}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}

export function loadAssets(distDir = path.resolve(process.cwd(), "dist")): LoadedAssets {
  const css = fs.readFileSync(path.join(distDir, "public.css"), "utf8");
  const script = fs.readFileSync(path.join(distDir, "page-script.js"), "utf8");
  return { css, script, csp: contentSecurityPolicy({ css, script }) };
}
