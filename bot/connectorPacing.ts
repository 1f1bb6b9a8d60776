/**
 * How the bot talks to the Bot Connector without overrunning it: Teams allows about 7 messages a
 * second in one conversation and answers 429 (with Retry-After), 412, 502 or 504 when it is busy,
 * and a connection can hang. Each conversation has one call in flight at a time (botbuilder's
 * client retries a 429 inside a call, so calls side by side could still burst), its calls evenly
 * spaced and in the order they were made; a throttled conversation waits what Teams asked,
 * and a failed or hung attempt is tried again with backoff and jitter, a few times, within a bound.
 * The spacing holds within one process; the sweep and the clicks of one instance share it.
 */

export type PacingOptions = {
  /** From the end of one call to one conversation to the start of the next: 1000/7 ms, rounded up. */
  intervalMs?: number;
  /** Attempts per message, the first included. */
  attempts?: number;
  /** Per attempt: a connection that hangs counts as a failure. */
  attemptTimeoutMs?: number;
  /** Delay before retry `retry` (1-based) when Teams named none. */
  backoffMs?: (retry: number) => number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

const PERMANENT = new Set([400, 401, 403, 404]);
/** Longest Retry-After honoured inline; a longer throttle fails the attempt and the sweep retries later. */
const MAX_RETRY_AFTER_MS = 10_000;

export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | undefined,
    options: { cause: unknown },
  ) {
    super(message, options);
  }
}

export class ConversationPacer {
  private readonly nextTurn = new Map<string, number>();
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly o: Required<PacingOptions>;

  constructor(options: PacingOptions = {}) {
    this.o = {
      intervalMs: options.intervalMs ?? 143,
      attempts: options.attempts ?? 3,
      attemptTimeoutMs: options.attemptTimeoutMs ?? 5_000,
      backoffMs: options.backoffMs ?? ((retry) => 250 * 2 ** (retry - 1) * (1 + Math.random() * 0.25)),
      now: options.now ?? Date.now,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
  }

  /** Waits for this conversation's next free turn. */
  private async turn(conversationId: string): Promise<void> {
    const wait = (this.nextTurn.get(conversationId) ?? 0) - this.o.now();
    if (wait > 0) await this.o.sleep(wait);
  }

  /**
   * The next call may start one interval after this one ended: counted from the end, not the
   * start, so a slow request followed by a fast one cannot reach Teams closer together.
   */
  private ended(conversationId: string): void {
    this.nextTurn.set(conversationId, Math.max(this.nextTurn.get(conversationId) ?? 0, this.o.now() + this.o.intervalMs));
  }

  private holdOff(conversationId: string, ms: number): void {
    this.nextTurn.set(conversationId, Math.max(this.nextTurn.get(conversationId) ?? 0, this.o.now() + ms));
  }

  /** Runs one connector call for a conversation, after the ones before it, paced, retried when Teams was busy or did not answer. */
  async call<T>(conversationId: string, attempt: () => Promise<T>): Promise<T> {
    const before = this.lanes.get(conversationId) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    const lane = before.then(() => mine);
    this.lanes.set(conversationId, lane);
    await before;
    try {
      return await this.attempts(conversationId, attempt);
    } finally {
      release();
      if (this.lanes.get(conversationId) === lane) this.lanes.delete(conversationId);
    }
  }

  private async attempts<T>(conversationId: string, attempt: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n++) {
      await this.turn(conversationId);
      try {
        const result = await withTimeout(attempt(), this.o.attemptTimeoutMs);
        this.ended(conversationId);
        return result;
      } catch (error) {
        this.ended(conversationId);
        const status = statusOf(error);
        const retryAfterMs = retryAfterOf(error);
        if (status === 429) this.holdOff(conversationId, Math.min(retryAfterMs ?? this.o.backoffMs(n), MAX_RETRY_AFTER_MS));
        if ((status !== undefined && PERMANENT.has(status)) || n >= this.o.attempts || (retryAfterMs ?? 0) > MAX_RETRY_AFTER_MS) {
          throw new ConnectorError(`Teams did not take the message (${status ?? 'no answer'}) after ${n} attempt(s)`, status, { cause: error });
        }
        if (status !== 429) await this.o.sleep(this.o.backoffMs(n));
      }
    }
  }
}

class AttemptTimedOut extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AttemptTimedOut(`no answer from the Bot Connector within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { statusCode?: unknown; response?: { status?: unknown } };
  if (typeof e.statusCode === 'number') return e.statusCode;
  if (typeof e.response?.status === 'number') return e.response.status;
  return undefined;
}

function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}
