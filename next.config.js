/** @type {import('next').NextConfig} */
const nextConfig = {
  // The public pages and JSON are served by server/front.ts from the snapshot;
  // Next serves the staff area and everything else.
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  typescript: { ignoreBuildErrors: true }, // `npm test` runs tsc itself
  // forbidden(): an editor on an admin-only page gets a real 403 page.
  experimental: { authInterrupts: true },
  // The staff area is never framed, sniffed or leaked through the Referer header. (No form-action:
  // Chrome applies it to redirects, and single sign-on redirects to the provider.)
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'" },
        ],
      },
    ];
  },
};
export default nextConfig;
