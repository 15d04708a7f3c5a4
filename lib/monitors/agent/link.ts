// Whether the server can be reached, told in one line when that changes: when it goes away (and
// why, again if the reason changes: unreachable, then a refused token), and when it is back, with
// how many results that waited were sent. The assignment poll and the sender both report here.
import { AgentHttpError } from "./client";

export class Link {
  private downSince: number | null = null;
  private reason: string | null = null;
  /** Back, but the results that waited are still going out. */
  private catchingUp = false;
  private sentSinceBack = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** Called when the server answers again. */
  onBack(fn: () => void): void {
    this.listeners.push(fn);
  }

  down(err: unknown): void {
    const kind = err instanceof AgentHttpError ? err.kind : "unreachable";
    const message = (err as Error)?.message ?? String(err);
    // A refused connection, a 503 and a proxy's error page are the same news: the server is away.
    const reason = kind === "server" || kind === "bad_answer" ? "unreachable" : kind === "not_found" ? "refused" : kind;
    if (this.downSince === null) this.downSince = this.now();
    else if (this.reason === reason) return;
    this.reason = reason;
    this.catchingUp = false;
    const what =
      reason === "auth"
        ? "the server refuses this agent's token (revoked, or not a probe token for this name)"
        : reason === "redirect"
          ? "the server sends this agent elsewhere"
          : reason === "unreachable"
            ? "cannot reach the server"
            : "the server does not take this agent's requests";
    this.log(`${what}: ${message}; checks go on, results wait on disk`);
  }

  up(): void {
    if (this.downSince === null) return;
    if (!this.catchingUp) {
      this.catchingUp = true;
      this.sentSinceBack = 0;
      for (const fn of this.listeners) fn();
    }
  }

  /** The sender delivered n results (0: nothing waited); `backlog` says whether more are still waiting. */
  sent(n: number, backlog: boolean): void {
    if (this.downSince === null) return;
    // Sending nothing reached nobody: the server is back only once a call got an answer.
    if (n === 0 && !this.catchingUp) return;
    this.up();
    this.sentSinceBack += n;
    if (backlog) return;
    const away = Math.round((this.now() - this.downSince) / 1000);
    this.log(
      `the server is back after ${away} s; sent ${this.sentSinceBack} ${this.sentSinceBack === 1 ? "result" : "results"} that waited`,
    );
    this.downSince = null;
    this.reason = null;
    this.catchingUp = false;
  }
}
