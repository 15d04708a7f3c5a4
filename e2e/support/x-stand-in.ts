// X API v2 stand-in: POST /2/tweets (what twitter-api-v2's v2.tweet calls, OAuth 1.0a signed)
// and GET /2/users/:id/tweets (the user timeline).
import { startStandIn, type StandIn } from "./http-stand-in";

export type Tweet = { id: string; text: string; replyTo: string | null };
export type XStandIn = StandIn & { tweets: Tweet[] };

export async function startXStandIn(consumerKey: string): Promise<XStandIn> {
  const tweets: Tweet[] = [];
  let next = 1000;
  const s = await startStandIn((req) => {
    const auth = String(req.headers.authorization ?? "");
    if (
      !auth.startsWith("OAuth ") ||
      !auth.includes(`oauth_consumer_key="${consumerKey}"`) ||
      !auth.includes("oauth_signature=")
    ) {
      return { status: 401, body: { title: "Unauthorized", status: 401 } };
    }
    if (req.method === "POST" && req.path === "/2/tweets") {
      const body = req.json() as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
      if (!body.text) return { status: 400, body: { title: "Invalid Request", detail: "text is required" } };
      const tweet = { id: String(next++), text: body.text, replyTo: body.reply?.in_reply_to_tweet_id ?? null };
      tweets.push(tweet);
      return { status: 201, body: { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } } };
    }
    if (req.method === "GET" && /^\/2\/users\/[^/]+\/tweets$/.test(req.path)) {
      return {
        status: 200,
        body: {
          data: [...tweets].reverse().map((t) => ({ id: t.id, text: t.text })),
          meta: { result_count: tweets.length },
        },
      };
    }
    return { status: 404, body: { title: "Not Found" } };
  });
  return Object.assign(s, { tweets });
}
