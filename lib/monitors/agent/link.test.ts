import { describe, expect, it } from "vitest";
import { AgentHttpError } from "./client";
import { Link } from "./link";

function setup() {
  const log: string[] = [];
  const clock = { now: 0 };
  const link = new Link(
    (l) => log.push(l),
    () => clock.now,
  );
  let woken = 0;
  link.onBack(() => woken++);
  return { log, clock, link, woken: () => woken };
}

describe("probe agent link", () => {
  it("says once that the server went away, again only when the reason changes", () => {
    const { log, link } = setup();
    link.sent(10, false); // up: nothing to say
    link.down(new AgentHttpError("unreachable", "GET /x: ECONNREFUSED"));
    link.down(new AgentHttpError("server", "GET /x: 503 Down"));
    link.down(new AgentHttpError("unreachable", "GET /x: ECONNREFUSED"));
    link.down(new AgentHttpError("auth", "GET /x: 401 revoked"));
    link.down(new AgentHttpError("auth", "GET /x: 401 revoked"));
    link.down(new AgentHttpError("not_found", "GET /x: 404 No such page"));
    expect(log).toEqual([
      "cannot reach the server: GET /x: ECONNREFUSED; checks go on, results wait on disk",
      "the server refuses this agent's token (revoked, or not a probe token for this name): GET /x: 401 revoked; checks go on, results wait on disk",
      "the server does not take this agent's requests: GET /x: 404 No such page; checks go on, results wait on disk",
    ]);
    expect(link.isDown).toBe(true);
  });

  it("says it is back once the results that waited are sent, with how many", () => {
    const { log, clock, link, woken } = setup();
    link.down(new Error("socket hang up"));
    clock.now = 42_000;
    link.up();
    link.up();
    expect(woken()).toBe(1);
    expect(log).toHaveLength(1);
    link.sent(500, true);
    link.sent(500, true);
    link.sent(120, false);
    expect(log[1]).toBe("the server is back after 42 s; sent 1120 results that waited");
    expect(link.isDown).toBe(false);
    link.sent(3, false);
    expect(log).toHaveLength(2);
  });

  it("is not back because nothing waited to be sent, only once the server answers", () => {
    const { log, clock, link, woken } = setup();
    link.down(new Error("ECONNRESET"));
    clock.now = 5_000;
    link.sent(0, false); // the sender found nothing to send: no call was made
    expect(link.isDown).toBe(true);
    expect(woken()).toBe(0);
    expect(log).toHaveLength(1);
    clock.now = 60_000;
    link.up(); // the assignments came
    link.sent(0, false);
    expect(log[1]).toBe("the server is back after 60 s; sent 0 results that waited");
    expect(link.isDown).toBe(false);
  });
});
