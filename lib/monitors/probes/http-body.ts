// A GET that returns the body (capped), for probes that read a document.
import http from "node:http";
import https from "node:https";
import { connectProblem, guardedLookup, type TargetPolicy } from "../../net/targets";
import { errorText, probeHeaders, withDeadline } from "./types";

const MAX_BODY = 2 * 1024 * 1024;

export type BodyResult =
  { ok: true; body: string; latencyMs: number } | { ok: false; error: string; latencyMs: number | null };

export async function probeHttpBody(
  url: string,
  timeoutMs: number,
  policy: TargetPolicy,
  location?: string,
): Promise<BodyResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let body = "";
  const r = await withDeadline(timeoutMs, (done, onAbort) => {
    const u = new URL(url);
    const refused = connectProblem(u.hostname, policy);
    if (refused) return done({ ok: false, latencyMs: null, error: refused.message });
    const req = (u.protocol === "https:" ? https : http).request(u, {
      headers: probeHeaders({ location }, { accept: "application/json", "user-agent": "Outpost-Monitor/1" }),
      agent: false,
      lookup: guardedLookup(policy),
    });
    onAbort(() => req.destroy());
    req.once("error", (err) => done({ ok: false, latencyMs: elapsed(), error: errorText(err) }));
    req.once("response", (res) => {
      if ((res.statusCode ?? 0) >= 400 || (res.statusCode ?? 0) < 200) {
        res.resume();
        return done({ ok: false, latencyMs: elapsed(), error: `HTTP ${res.statusCode}` });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) return done({ ok: false, latencyMs: elapsed(), error: "The response is too large" });
        chunks.push(c);
      });
      res.once("error", (err) => done({ ok: false, latencyMs: elapsed(), error: errorText(err) }));
      res.once("end", () => {
        body = Buffer.concat(chunks).toString("utf8");
        done({ ok: true, latencyMs: elapsed(), error: null });
      });
    });
    req.end();
  });
  return r.ok
    ? { ok: true, body, latencyMs: r.latencyMs ?? elapsed() }
    : { ok: false, error: r.error ?? "failed", latencyMs: r.latencyMs };
}
