/** @type {import('next').NextConfig} */
const nextConfig = {
  // The public pages and JSON are served by server/front.ts from the snapshot;
  // Next serves the staff area and everything else.
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  typescript: { ignoreBuildErrors: true }, // `npm test` runs tsc itself
  // forbidden(): an editor on an admin-only page gets a real 403 page.
  experimental: { authInterrupts: true },
};
export default nextConfig;
