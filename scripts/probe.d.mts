/** Bundles the probe agent into outfile (default dist/probe.mjs); inputs lists what it was built from. */
export function bundleProbe(outfile?: string): Promise<{ outfile: string; inputs: string[] }>;
/** Bundles only when a source is newer than the bundle; returns the bundle's path. */
export function ensureProbe(outfile?: string): Promise<string>;
