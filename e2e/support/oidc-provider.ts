// A stand-in OpenID Connect provider on 127.0.0.1: discovery, authorization (signs the configured
// person in at once), token (checks the client secret, the code and its PKCE verifier), JWKS.
// It implements what next-auth's OpenID client really calls, with RS256-signed ID tokens. The
// person it signs in is set per test, including an unverified email or another `sub`.
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** `email_verified` defaults to true; null leaves the claim out. */
export type StandInPerson = { sub: string; email: string; name: string; email_verified?: boolean | null };
export type StandInProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  setPerson(p: StandInPerson): void;
  close(): Promise<void>;
};

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export async function startOidcProvider(): Promise<StandInProvider> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "k1", use: "sig", alg: "RS256" };
  const clientId = "outpost-e2e";
  const clientSecret = randomBytes(16).toString("hex");
  let person: StandInPerson = { sub: "user-1", email: "sso@e2e.test", name: "SSO Person" };
  const codes = new Map<string, { challenge: string; redirectUri: string; person: typeof person }>();
  let issuer = "";

  const idToken = (p: typeof person) => {
    const now = Math.floor(Date.now() / 1000);
    const head = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: "k1" }));
    const verified = p.email_verified === undefined ? true : p.email_verified;
    const claims = {
      iss: issuer,
      aud: clientId,
      sub: p.sub,
      email: p.email,
      ...(verified === null ? {} : { email_verified: verified }),
      name: p.name,
      iat: now,
      exp: now + 300,
    };
    const body = b64url(JSON.stringify(claims));
    return `${head}.${body}.${b64url(sign("RSA-SHA256", Buffer.from(`${head}.${body}`), privateKey))}`;
  };

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (url.pathname === "/jwks") return json(res, 200, { keys: [jwk] });
    if (url.pathname === "/authorize") {
      const redirectUri = url.searchParams.get("redirect_uri") ?? "";
      if (url.searchParams.get("client_id") !== clientId || url.searchParams.get("code_challenge_method") !== "S256")
        return json(res, 400, { error: "invalid_request" });
      const code = randomBytes(12).toString("hex");
      codes.set(code, { challenge: url.searchParams.get("code_challenge") ?? "", redirectUri, person });
      const back = new URL(redirectUri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === "/token" && req.method === "POST") {
      let raw = "";
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      const basic = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      const [id, secret] = basic
        ? basic.split(":").map(decodeURIComponent)
        : [form.get("client_id"), form.get("client_secret")];
      if (id !== clientId || secret !== clientSecret) return json(res, 401, { error: "invalid_client" });
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      if (
        !grant ||
        grant.redirectUri !== form.get("redirect_uri") ||
        b64url(createHash("sha256").update(verifier).digest()) !== grant.challenge
      ) {
        return json(res, 400, { error: "invalid_grant" });
      }
      return json(res, 200, {
        access_token: randomBytes(12).toString("hex"),
        token_type: "Bearer",
        expires_in: 300,
        id_token: idToken(grant.person),
      });
    }
    json(res, 404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    setPerson: (p) => (person = p),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
