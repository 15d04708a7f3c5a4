// The start-up lines people and tests read: where the page is served and how to sign in first.
export type FirstAdmin = { email: string; password: string | null };

export function printStartLines(
  host: string,
  port: number,
  publicUrl: string,
  pageName: string,
  firstAdmin: FirstAdmin | null,
): void {
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  console.log(`outpost: serving "${pageName}" at http://${shown}:${port} (public URL ${publicUrl})`);
  if (firstAdmin) {
    const how = firstAdmin.password
      ? `password ${firstAdmin.password} (shown once; change it after signing in)`
      : "the password in OUTPOST_ADMIN_PASSWORD";
    console.log(
      `outpost: created the first admin: sign in at http://${shown}:${port}/admin as ${firstAdmin.email} with ${how}`,
    );
  }
}
