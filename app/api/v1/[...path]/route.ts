// The admin REST API (Statuspage manage API v1 compatible). Every path below /api/v1/ goes to the
// one dispatcher, which serves only the routes in lib/api/routes.ts.
import { adminApi } from "@/lib/route-handlers";

export const dynamic = "force-dynamic";

function handler(req: Request): Promise<Response> {
  return adminApi(req);
}

export { handler as GET, handler as POST, handler as PATCH, handler as PUT, handler as DELETE };
