import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from '../../graph/graphClient.js';
import { defaultBackoffMs, NETWORK_FAILURE_NAME, type FetchLike } from '../../graph/fetchTransport.js';
import { GRAPH, graphError, graphFaults, recorder, testClient } from './graphTestKit.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('createGraphClient', () => {
  it('gets an app-only token with the client secret and sends it to Graph (the real ClientSecretCredential path)', async () => {
    const tokenForms: Record<string, string>[] = [];
    const graph = recorder();
    server.use(
      http.post('https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token', async ({ request }) => {
        tokenForms.push(Object.fromEntries(new URLSearchParams(await request.text())));
        return HttpResponse.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'app-token' });
      }),
      http.get(`${GRAPH}/users/organiser%40example.org`, async ({ request }) => {
        await graph.record(request);
        return HttpResponse.json({ id: 'user-1' });
      }),
    );
    const client = createGraphClient({ credential: { tenantId: 'tenant-1', clientId: 'client-1', clientSecret: 's3cret' } });

    await expect(client.api(`/users/${encodeURIComponent('organiser@example.org')}`).get()).resolves.toEqual({ id: 'user-1' });

    expect(tokenForms).toHaveLength(1);
    expect(tokenForms[0]).toMatchObject({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: 's3cret',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(graph.requests[0]?.headers.get('authorization')).toBe('Bearer app-token');
  });

  it("keeps the client's default middleware: its telemetry header is sent", async () => {
    const { requests, record } = recorder();
    server.use(http.get(`${GRAPH}/me`, async ({ request }) => (await record(request), HttpResponse.json({}))));
    const { client } = testClient();
    await client.api('/me').get();
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer test-token');
    expect(requests[0]?.headers.get('sdkversion')).toMatch(/^graph-js\//);
  });

  it("retries a 429 through the client's RetryHandler, honouring Retry-After: 0", async () => {
    const faults = graphFaults();
    let calls = 0;
    server.use(
      http.get(`${GRAPH}/me`, () => (++calls === 1 ? faults.inject(graphError(429, 'TooManyRequests', 'slow down', { 'Retry-After': '0' })) : HttpResponse.json({ ok: 1 }))),
    );
    const { client, sleeps } = testClient();
    const result: unknown = await client.api('/me').get();
    faults.survived(JSON.stringify(result) === '{"ok":1}' && calls === 2);
    expect(result).toEqual({ ok: 1 });
    expect(calls).toBe(2);
    // The RetryHandler waited (0 s), not our network backoff.
    expect(sleeps).toEqual([]);
  });

  it('retries network errors with its own bounded backoff, then succeeds', async () => {
    const faults = graphFaults();
    let calls = 0;
    server.use(http.get(`${GRAPH}/me`, () => (++calls < 3 ? faults.inject(HttpResponse.error()) : HttpResponse.json({ ok: 1 }))));
    const { client, sleeps } = testClient({ backoffMs: (retry) => retry * 100 });
    const result: unknown = await client.api('/me').get();
    faults.survived(JSON.stringify(result) === '{"ok":1}');
    expect(result).toEqual({ ok: 1 });
    expect(calls).toBe(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('gives up on network errors after 3 attempts with a recognisable GraphError', async () => {
    const faults = graphFaults();
    let calls = 0;
    server.use(http.get(`${GRAPH}/me`, () => (calls++, faults.inject(HttpResponse.error()))));
    const { client, sleeps } = testClient();
    const error: unknown = await client.api('/me').get().catch((e: unknown) => e);
    // Surviving here is failing recognisably (the caller turns it into "arrange it by hand"), not hanging or crashing.
    faults.survived(error instanceof GraphError && error.code === NETWORK_FAILURE_NAME && calls === 3);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).code).toBe(NETWORK_FAILURE_NAME);
    expect((error as GraphError).message).toMatch(/after 3 attempt/);
    expect(calls).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('uses the injected fetch, and treats a hung attempt as a network failure (per-attempt timeout)', async () => {
    const faults = graphFaults();
    const seen: string[] = [];
    const hangingThenOk: FetchLike = async (input, init) => {
      seen.push(String(input));
      if (seen.length === 1) {
        // Never answers: only the transport's timeout ends it.
        return faults.inject(new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))));
      }
      return Response.json({ ok: 1 });
    };
    const { client } = testClient({ fetch: hangingThenOk, timeoutMs: 20 });
    const result: unknown = await client.api('/me').get();
    faults.survived(JSON.stringify(result) === '{"ok":1}');
    expect(result).toEqual({ ok: 1 });
    expect(seen).toEqual([`${GRAPH}/me`, `${GRAPH}/me`]);
  });

  it('does not retry when the caller aborted', async () => {
    let calls = 0;
    const failing: FetchLike = async () => {
      calls++;
      throw new DOMException('aborted', 'AbortError');
    };
    const { client } = testClient({ fetch: failing });
    const controller = new AbortController();
    controller.abort();
    await expect(client.api('/me').option('signal', controller.signal).get()).rejects.toBeInstanceOf(GraphError);
    expect(calls).toBe(1);
  });

  it('backs off 0.5 s then 2 s by default, with at most 25% jitter', () => {
    for (let i = 0; i < 50; i++) {
      expect(defaultBackoffMs(1)).toBeGreaterThanOrEqual(500);
      expect(defaultBackoffMs(1)).toBeLessThanOrEqual(625);
      expect(defaultBackoffMs(2)).toBeGreaterThanOrEqual(2000);
      expect(defaultBackoffMs(2)).toBeLessThanOrEqual(2500);
    }
  });
});
