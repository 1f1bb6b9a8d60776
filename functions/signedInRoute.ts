import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { isStoreUnreachable, STORE_UNREACHABLE_MESSAGE } from '../app/storeUnreachable.js';
import type { Services } from './compositionRoot.js';

/**
 * The one prologue of the web APIs (the monitoring tab's, the roster page's, the pages an email
 * links to): the services (503 in words when the case store cannot be reached, at start-up or
 * mid-request), then who is asking (the caller's identify: a token checked and looked up on the
 * roster by app/entraSignIn.ts, or the explicit local mode's pick), refused in words with no case
 * data; then the handler, whose unexpected failure is logged and answered 500 in words. Never cached.
 */

const NO_STORE = { 'cache-control': 'no-store' };
export const problem = (status: number, error: string): HttpResponseInit => ({ status, headers: NO_STORE, jsonBody: { error } });

export type Identified<Who> = { ok: true; who: Who } | { ok: false; status: number; reason: string };

/**
 * The services, or the 503 to give when they cannot be built because the store is unreachable
 * (opening the tables is part of building them). Any other failure to start, such as an invalid
 * partnership file, is the host's to log and answer.
 */
export async function servicesOr503(getServices: () => Promise<Services>): Promise<{ ok: true; s: Services } | { ok: false; response: HttpResponseInit }> {
  try {
    return { ok: true, s: await getServices() };
  } catch (error) {
    if (isStoreUnreachable(error)) return { ok: false, response: problem(503, STORE_UNREACHABLE_MESSAGE) };
    throw error;
  }
}

export function signedInRoute<Who>(
  getServices: () => Promise<Services>,
  options: {
    identify: (s: Services, request: HttpRequest) => Promise<Identified<Who>>;
    /** How the log names these requests ("tab", "roster", "web page"). */
    area: string;
    /** What the person is told when the handler fails unexpectedly. */
    failed: string;
  },
) {
  return (handle: (s: Services, request: HttpRequest, who: Who) => Promise<HttpResponseInit>) =>
    async (request: HttpRequest): Promise<HttpResponseInit> => {
      const ready = await servicesOr503(getServices);
      if (!ready.ok) return ready.response;
      const { s } = ready;
      try {
        const id = await options.identify(s, request);
        if (!id.ok) {
          s.log.info(`${options.area} request refused`, { status: id.status, path: new URL(request.url).pathname.split('/').slice(0, 4).join('/') });
          return problem(id.status, id.reason);
        }
        return await handle(s, request, id.who);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (isStoreUnreachable(error)) {
          s.log.warn(`${options.area} request: the case store cannot be reached`, { error: message });
          return problem(503, STORE_UNREACHABLE_MESSAGE);
        }
        s.log.error(`${options.area} request failed`, { error: message });
        return problem(500, options.failed);
      }
    };
}
