import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_BUFFER_MAX, DEFAULT_CONCURRENCY, parseArgs } from "./args";

const SECRET = "op_probe_very_secret";
const base = ["--server", "https://status.example.com/", "--token", SECRET, "--name", "eu-west"];

function error(argv: string[], env: Record<string, string> = {}): string {
  const p = parseArgs(argv, env);
  if (p.ok !== false) throw new Error(`expected an error, got ${JSON.stringify(p)}`);
  expect(p.error).not.toContain(SECRET);
  return p.error;
}

describe("probe agent arguments", () => {
  it("reads the flags, with defaults for the rest", () => {
    const p = parseArgs(base, {});
    expect(p).toEqual({
      ok: true,
      options: {
        server: "https://status.example.com",
        token: SECRET,
        name: "eu-west",
        dataDir: path.resolve("probe-data/eu-west"),
        bufferMax: DEFAULT_BUFFER_MAX,
        concurrency: DEFAULT_CONCURRENCY,
      },
    });
  });

  it("takes --flag=value, skips npm's --, and lets flags win over the environment", () => {
    const p = parseArgs(
      ["--", "--server=http://127.0.0.1:3000", "--name=ap-south", "--buffer-max", "500", "--concurrency=4"],
      {
        OUTPOST_PROBE_SERVER: "https://ignored.example.com",
        OUTPOST_PROBE_TOKEN: SECRET,
        OUTPOST_PROBE_DATA_DIR: "/var/lib/outpost-probe",
      },
    );
    expect(p).toMatchObject({
      ok: true,
      options: {
        server: "http://127.0.0.1:3000",
        token: SECRET,
        name: "ap-south",
        dataDir: "/var/lib/outpost-probe",
        bufferMax: 500,
        concurrency: 4,
      },
    });
  });

  it("reads everything from the environment", () => {
    const p = parseArgs([], {
      OUTPOST_PROBE_SERVER: "https://s.example.com",
      OUTPOST_PROBE_TOKEN: SECRET,
      OUTPOST_PROBE_NAME: "us-east",
      OUTPOST_PROBE_BUFFER_MAX: "2000",
      OUTPOST_PROBE_CONCURRENCY: "8",
    });
    expect(p).toMatchObject({ ok: true, options: { name: "us-east", bufferMax: 2000, concurrency: 8 } });
  });

  it("says in one line what is wrong, naming the flag, never echoing the token", () => {
    expect(error(["--token", SECRET, "--name", "eu-west"])).toBe("--server (or OUTPOST_PROBE_SERVER) is required");
    expect(error(["--server", "ftp://x", "--token", SECRET, "--name", "eu-west"])).toMatch(/^--server: .*http/);
    expect(error(["--server", "https://x", "--name", "eu-west"])).toBe("--token (or OUTPOST_PROBE_TOKEN) is required");
    expect(error([...base.slice(0, 4), "--name", "EU West"])).toMatch(/^--name: Lower-case/);
    expect(error([...base.slice(0, 4), "--name", "local"])).toMatch(/^--name: .*server's own/);
    expect(error([...base, "--buffer-max", "lots"])).toMatch(/^--buffer-max: /);
    expect(error([...base, "--concurrency", "0"])).toMatch(/^--concurrency: .*at least 1/);
    expect(error([...base, "--tokne=" + SECRET])).toBe("unknown flag --tokne (see --help)");
    expect(error([...base, SECRET])).toBe("unexpected value (see --help)");
    expect(error(["--server"])).toBe("--server needs a value");
    for (const e of [error([...base, "--tokne=" + SECRET]), error([...base, SECRET])]) expect(e).not.toContain(SECRET);
  });

  it("answers --help", () => {
    expect(parseArgs(["--help"], {})).toEqual({ ok: "help" });
  });
});
