// The inline CSS and script of the public pages, and the widget script, built by `npm run build` into dist/.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PageAssets } from "@/components/pages/Document";

export type LoadedAssets = PageAssets & { csp: string; embed: string };

export const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/**
 * A CSP that allows exactly the inline style and script, by hash (pre-built pages cannot carry
 * nonces): `styles` are further inline <style> texts (the brand colour's), `connect` origins the
 * page's script may reach (the components' browser probes).
 */
export function contentSecurityPolicy(
  assets: PageAssets,
  extra: { styles?: readonly string[]; connect?: readonly string[] } = {},
): string {
  return [
    "default-src 'none'",
    `style-src ${[assets.css, ...(extra.styles ?? [])].map(sha256).join(" ")}`,
    `script-src ${sha256(assets.script)}`,
    "img-src 'self' data:",
    ["connect-src 'self'", ...(extra.connect ?? [])].join(" "),
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function loadAssets(distDir = path.resolve(process.cwd(), "dist")): LoadedAssets {
  const css = fs.readFileSync(path.join(distDir, "public.css"), "utf8");
  const script = fs.readFileSync(path.join(distDir, "page-script.js"), "utf8");
  const embedFile = path.join(distDir, "embed.js");
  const embed = fs.existsSync(embedFile) ? fs.readFileSync(embedFile, "utf8") : "";
  return { css, script, embed, csp: contentSecurityPolicy({ css, script }) };
}
