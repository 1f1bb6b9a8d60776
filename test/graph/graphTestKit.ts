import type { AccessToken, TokenCredential } from '@azure/identity';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { onTestFinished } from 'vitest';
import { createGraphClient } from '../../graph/graphClient.js';
import type { TransportOptions } from '../../graph/fetchTransport.js';
import { count } from '../faults/support/tally.js';
import { OrganiserCalendar } from '../../local/organiserCalendar.js';

/** Shared pieces for the Graph tests: msw intercepts the real client's fetch, nothing else is faked. */

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const ORGANISER = 'sin-meetings@partnership.example.org';
export const ORGANISER_PATH = `${GRAPH}/users/${encodeURIComponent(ORGANISER)}`;

/** A token without a token endpoint: the ClientSecretCredential path has its own test. */
export const stubCredential: TokenCredential = {
  getToken: async (): Promise<AccessToken> => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** A client whose network backoff records its delays instead of sleeping. */
export function testClient(transport: TransportOptions = {}): { client: Client; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = createGraphClient({
    credential: stubCredential,
    transport: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...transport,
    },
  });
  return { client, sleeps };
}

/** Graph's error envelope. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(
    { error: { code, message, innerError: { 'request-id': 'req-1', date: '2026-05-05T08:00:00' } } },
    { status, headers },
  );
}

export type RecordedRequest = { method: string; url: string; headers: Headers; body: unknown };

/** Every request that reached the mock, in order, with its JSON body. */
export function recorder(): { requests: RecordedRequest[]; record: (request: Request) => Promise<unknown> } {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    record: async (request) => {
      const text = await request.clone().text();
      const body: unknown = text === '' ? undefined : JSON.parse(text);
      requests.push({ method: request.method, url: request.url, headers: request.headers, body });
      return body;
    },
  };
}

/**
 * The organiser's calendar as Graph keeps it for event creation (local/organiserCalendar.ts, which
 * the local Graph stand-in serves too): a POST whose transactionId was seen before returns the
 * event already created instead of creating another.
 */
export function fakeOrganiserCalendar(): { events: Map<string, Event>; posts: RecordedRequest[]; handler: HttpHandler } {
  const calendar = new OrganiserCalendar();
  const { requests: posts, record } = recorder();
  const handler = http.post(`${ORGANISER_PATH}/events`, async ({ request }) => HttpResponse.json(calendar.create((await record(request)) as Event), { status: 201 }));
  return { events: calendar.events, posts, handler };
}

/**
 * The Graph failures one test injects, counted in the fault suite's summary line (through
 * test/faults/support/tally.ts, as every fault test counts), from what the test actually did:
 * each failure a mock serves goes through `inject`, and the test states with `survived` whether
 * the product came through it (its own check, made before its assertions). When the test ends,
 * its injections count as survived only if it said so and passed; a test that injects nothing
 * counts nothing, whatever it is called.
 */
export function graphFaults(): { inject<T>(failure: T): T; survived(ok: boolean): void; readonly injected: number } {
  let injected = 0;
  let survived = false;
  onTestFinished(({ task }) => {
    if (injected === 0) return;
    const ok = survived && task.result?.state === 'pass';
    count({ faultsInjected: injected, ...(ok ? { faultsSurvived: injected } : { faultsLost: injected }) });
  });
  return {
    inject(failure) {
      injected++;
      return failure;
    },
    survived(ok) {
      survived = ok;
    },
    get injected() {
      return injected;
    },
  };
}
