import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * The last link of the Graph client's middleware chain: it performs the HTTP call. It replaces the
 * client's HTTPMessageHandler for two reasons: tests (and any proxying host) inject `fetch` here,
 * and network failures are retried here. The client's RetryHandler, earlier in the chain, retries
 * 429/503/504 responses but lets a thrown network error or timeout straight through.
 *
 * Retrying a POST after a network error can repeat it. Every POST this product makes is safe to
 * repeat: getSchedule only reads, event creation carries a deterministic transactionId that Graph
 * de-duplicates, and cancelling is requested again only for the same event.
 */

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export type TransportOptions = {
  /** Defaults to the global `fetch`, looked up on every call so that interceptors installed later (msw) apply. */
  fetch?: FetchLike;
  /** Tries in all, the first included. Bounded: a dead network should fail over to the manual card, not hang. */
  attempts?: number;
  /** Delay before retry number `retry` (1-based). Injectable so tests do not sleep. */
  backoffMs?: (retry: number) => number;
  sleep?: (ms: number) => Promise<void>;
  /** Per attempt; a hung connection counts as a network failure. */
  timeoutMs?: number;
};

export const NETWORK_FAILURE_NAME = 'GraphNetworkFailure';

/**
 * Thrown when every attempt failed before a response arrived. The Graph client wraps what a
 * middleware throws in a GraphError whose `code` is the thrown error's `name`, which is how the
 * failure is recognised again on the other side (see graphFailure.ts).
 */
export class GraphNetworkFailure extends Error {
  override readonly name = NETWORK_FAILURE_NAME;
  constructor(
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(`no response from Microsoft Graph after ${attempts} attempt(s): ${messageOf(options.cause)}`, options);
  }
}

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_TIMEOUT_MS = 30_000;

/** 0.5 s, then 2 s, with up to 25% jitter so that parallel retries do not arrive together. */
export function defaultBackoffMs(retry: number): number {
  const base = 500 * 4 ** (retry - 1);
  return base + Math.floor(Math.random() * base * 0.25);
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createFetchTransport(options: TransportOptions = {}): Middleware {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(`attempts must be a whole number >= 1, got ${attempts}`);
  }
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const sleep = options.sleep ?? realSleep;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  return {
    async execute(context: Context): Promise<void> {
      const callerSignal = context.options?.signal ?? undefined;
      let lastError: unknown;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        if (attempt > 1) await sleep(backoffMs(attempt - 1));
        const signal = callerSignal
          ? AbortSignal.any([callerSignal, AbortSignal.timeout(timeoutMs)])
          : AbortSignal.timeout(timeoutMs);
        // A Request's body can be read once only; the client normally passes a URL string and a string body.
        const request = context.request instanceof Request ? context.request.clone() : context.request;
        try {
          context.response = await fetchImpl(request, { ...context.options, signal });
          return;
        } catch (error) {
          // The caller gave up: that is not the network's fault, and retrying would defy them.
          if (callerSignal?.aborted) throw error;
          lastError = error;
        }
      }
      throw new GraphNetworkFailure(attempts, { cause: lastError });
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
