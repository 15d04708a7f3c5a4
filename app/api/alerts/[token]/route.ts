// Alert ingest: Alertmanager, Grafana, PagerDuty, Opsgenie or any tool that can POST JSON sends
// its alerts here. The token in the path is the secret (as for heartbeats); PagerDuty deliveries
// are also signed when the source has a signing secret. Answers 202 with what each alert did, or
// problem+json: 400 (unreadable body), 401 (bad signature), 404 (unknown token).
import { problemResponse, jsonResponse } from "@/lib/api/http";
import { alertDelivery } from "@/lib/route-handlers";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await ctx.params;
  // The front has already bounded the body (1 MiB for this path).
  const raw = await req.text();
  const answer = alertDelivery(token, raw, (name) => req.headers.get(name));
  return answer.status === 202 ? jsonResponse(202, answer.body) : problemResponse(answer.status, answer.detail);
}
