import { openDatabase } from "../db/client";
import { createUser } from "../lib/accounts";
import { SYSTEM_ACTOR } from "../lib/audit";
import { expect, test } from "./fixtures";
import { startOidcProvider, type StandInProvider } from "./support/oidc-provider";
import { startServer, type RunningServer } from "./support/server";

let idp: StandInProvider;
let server: RunningServer;

test.beforeAll(async () => {
  idp = await startOidcProvider();
  server = await startServer({ OUTPOST_DEMO: "0", OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_NAME: "Test IdP" });
  const db = openDatabase(server.databasePath);
  await createUser(db, SYSTEM_ACTOR, { email: "sso@e2e.test", role: "editor", name: "SSO Person" });
  db.$client.close();
});

test.afterAll(async () => {
  await server?.stop();
  await idp?.close();
});

test("[auth] OpenID Connect signs in a person who has an account, by email", async ({ page }) => {
  idp.setPerson({ sub: "idp-42", email: "SSO@e2e.test", name: "SSO Person" });
  await page.goto(`${server.url}/admin/sign-in?callbackUrl=/admin/account`);
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("sso@e2e.test · editor")).toBeVisible();
});

test("[auth] OpenID Connect refuses a person without an account here", async ({ page }) => {
  idp.setPerson({ sub: "idp-43", email: "stranger@e2e.test", name: "Stranger" });
  await page.goto(`${server.url}/admin/sign-in`);
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/No enabled Outpost account has that email/);
  expect((await page.goto(`${server.url}/admin/account`))?.url()).toContain("/admin/sign-in");
});
