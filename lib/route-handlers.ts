// What the route handlers under app/api call: each takes the request's own parts and reaches the
// process's database here, so app/ never imports db/.
import { getDb } from "@/db/client";
import { handleApiRequest } from "./api/dispatch";
import { config } from "./config";
import { deliverAlerts, type DeliveryAnswer } from "./alerts/deliver";
import { recordBeat } from "./monitors/heartbeat";

/** The admin REST API's one entry point. */
export function adminApi(req: Request): Promise<Response> {
  const cfg = config();
  return handleApiRequest(req, { db: getDb(), apiToken: cfg.apiToken, publicUrl: cfg.publicUrl });
}

/** A heartbeat monitor's beat; false when no heartbeat monitor has this token. */
export function heartbeat(token: string): boolean {
  return recordBeat(getDb(), token);
}

/** One delivery to an alert source's ingest URL. */
export function alertDelivery(token: string, rawBody: string, header: (name: string) => string | null): DeliveryAnswer {
  return deliverAlerts(getDb(), token, rawBody, header);
}
