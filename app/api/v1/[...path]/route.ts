// The admin REST API (Statuspage manage API v1 compatible). Every path below /api/v1/ goes to the
// one dispatcher, which serves only the routes in lib/api/routes.ts.
import { getDb } from "@/db/client";
import { handleApiRequest } from "@/lib/api/dispatch";
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

function handler(req: Request): Promise<Response> {
  const cfg = config();
  return handleApiRequest(req, { db: getDb(), apiToken: cfg.apiToken, publicUrl: cfg.publicUrl });
}

export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
