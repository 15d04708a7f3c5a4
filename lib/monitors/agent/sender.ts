// Sends the buffer's results, oldest first, one batch in flight: every 2 s, or at once when a
// full batch waits. An answer's acked_seq lets the buffer drop what the server holds. A failed
// batch is sent again from the same oldest seq after 1, 2, 5, 10, then every 30 s (the server
// skips seqs it already has, so an answer lost on the way costs nothing); a refused token is
// (or a server that redirects) is retried every minute. A batch the server rejects as invalid (4xx other than 401/403/404) would
// be rejected forever and hold everything behind it: it is logged and dropped.
import type { ResultBuffer } from "./buffer";
import { AgentHttpError, type ProbeClient } from "./client";
import type { Link } from "./link";
import { MAX_BATCH } from "./protocol";

export const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;
export const AUTH_RETRY_MS = 60_000;

export type PageRef = {
  /** The page id, learnt once (throws like the client when the server cannot say). */
  get(): Promise<string>;
  /** The server answered 404: learn the id again. */
  forget(): void;
};

export type SenderOptions = {
  buffer: ResultBuffer;
  client: Pick<ProbeClient, "postResults">;
  page: PageRef;
  link: Link;
  version: string;
  log?: (line: string) => void;
  intervalMs?: number;
  backoffMs?: readonly number[];
  authRetryMs?: number;
  batchMax?: number;
};

export class Sender {
  private running = false;
  private wake: (() => void) | null = null;
  private failures = 0;
  private loop: Promise<void> | null = null;
  private readonly batchMax: number;
  private readonly log: (line: string) => void;

  constructor(private readonly o: SenderOptions) {
    this.batchMax = o.batchMax ?? MAX_BATCH;
    this.log = o.log ?? (() => {});
    // A full batch on disk goes at once, unless the sender is waiting out a failure.
    o.buffer.onSynced = () => {
      if (!this.failures && this.o.buffer.peek(this.batchMax).length >= this.batchMax) this.wake?.();
    };
    // The server answered another call: no reason to wait out the back-off.
    o.link.onBack(() => this.wake?.());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the batch in flight (not waiting for its answer: what it held stays buffered). */
  stop(): void {
    this.running = false;
    this.wake?.();
  }

  /** Waits for the loop to end (tests). */
  async stopped(): Promise<void> {
    this.stop();
    await this.loop;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private delay(err: AgentHttpError | null): number {
    if (err?.kind === "auth" || err?.kind === "redirect") return this.o.authRetryMs ?? AUTH_RETRY_MS;
    const backoff = this.o.backoffMs ?? BACKOFF_MS;
    if (this.failures) return backoff[Math.min(this.failures, backoff.length) - 1]!;
    return this.o.buffer.peek(this.batchMax).length >= this.batchMax ? 0 : (this.o.intervalMs ?? 2_000);
  }

  private async run(): Promise<void> {
    let lastError: AgentHttpError | null = null;
    while (this.running) {
      const wait = this.delay(lastError);
      if (wait > 0) await this.sleep(wait);
      if (!this.running) break;
      lastError = null;
      try {
        await this.sendOne();
        this.failures = 0;
      } catch (err) {
        lastError = err instanceof AgentHttpError ? err : new AgentHttpError("unreachable", String(err));
        this.failures++;
      }
    }
  }

  /** Posts the oldest batch; throws (after reporting to the link) when it did not get through. */
  async sendOne(): Promise<void> {
    const { buffer, link } = this.o;
    const batch = buffer.peek(this.batchMax);
    if (!batch.length) return link.sent(0, false);
    try {
      const pageId = await this.o.page.get();
      const answer = await this.o.client.postResults(pageId, {
        agent: { boot: buffer.boot, version: this.o.version },
        results: batch,
      });
      buffer.ack(answer.acked_seq);
      link.sent(batch.length, buffer.peek(this.batchMax).length >= this.batchMax);
    } catch (err) {
      if (err instanceof AgentHttpError && err.kind === "refused") {
        const last = batch[batch.length - 1]!.seq;
        this.log(`the server rejected results ${batch[0]!.seq}-${last}, dropped: ${err.message}`);
        buffer.ack(last);
        return;
      }
      if (err instanceof AgentHttpError && err.kind === "not_found") this.o.page.forget();
      link.down(err);
      throw err;
    }
  }
}
