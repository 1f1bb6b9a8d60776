import type { Activity, TurnContext } from 'botbuilder';
import type { BotAdapter } from './adapter.js';

/**
 * Hands an HTTP request to the Bot Framework adapter: authenticate, then run the turn, and give
 * back the status and the invoke response. Azure Functions v4 hands us a fetch-style request and
 * wants a plain response back, so this stands in for CloudAdapter.process, which speaks
 * Express-style objects and answers 500 (not 401) when botbuilder's token library rejects a
 * forged signature, algorithm or not-before time.
 */

/** `keysUnavailable`: the channel authority's keys could not be fetched, so the token could not be checked. */
export type BridgedResponse = { status: number; body?: unknown; headers: Record<string, string>; keysUnavailable?: true };

export async function processWithAdapter(
  adapter: BotAdapter,
  request: { method: string; headers: Record<string, string>; body: Record<string, unknown> },
  logic: (context: TurnContext) => Promise<void>,
): Promise<BridgedResponse> {
  const activity = activityFrom(request.body);
  const authentication = await adapter.authenticate(activity, request.headers.authorization ?? request.headers.Authorization ?? '');
  if (!authentication.ok) return authentication.reason === 'unavailable' ? { status: 503, headers: {}, keysUnavailable: true } : { status: 401, headers: {} };
  const invokeResponse = await adapter.run(authentication.authentication, activity, logic);
  return { status: invokeResponse?.status ?? 200, ...(invokeResponse?.body !== undefined ? { body: invokeResponse.body } : {}), headers: {} };
}

/** As botbuilder reads a request body: its instants become Dates, the text as sent is kept. */
function activityFrom(body: Record<string, unknown>): Activity {
  const activity = { ...body } as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    if (typeof activity[field] === 'string') {
      activity[raw] = activity[field];
      activity[field] = new Date(activity[field]);
    }
  }
  return activity as unknown as Activity;
}
