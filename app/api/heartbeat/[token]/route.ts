// Heartbeat monitors: the watched job calls this URL (GET or POST) every period. The token in
// the path is the secret; an unknown one is a plain 404.
import { heartbeat } from "@/lib/route-handlers";

export const dynamic = "force-dynamic";

async function handler(_req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await ctx.params;
  const ok = heartbeat(token);
  return new Response(ok ? "ok\n" : "Unknown heartbeat token\n", {
    status: ok ? 200 : 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export { handler as GET, handler as POST, handler as HEAD };
