// Start-up failures end the process with one clear line (the launcher and tests read it).
export function fail(message: string): never {
  console.error(`outpost: ${message}`);
  process.exit(1);
}
