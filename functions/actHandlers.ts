import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { ActRequestSchema } from '../app/actLink.js';
import { ENTRA_AUTHORITY_HOSTS } from '../app/entraEndpoints.js';
import { readBounded } from './boundedBody.js';
import { webSignInClientId, type Services } from './compositionRoot.js';
import { problem, servicesOr503, signedInRoute } from './signedInRoute.js';

/**
 * The API of the page an email links to (tab/src/act/). `config` tells the page how to sign in
 * (nothing secret); `case` and `act` need the person's Entra access token, and answer with an
 * Adaptive Card (the request's card, the outcome, or a refusal in words) or a problem in words.
 * Identity comes from the token only: the body carries the card's verb and data, as a click does.
 */

const NO_STORE = { 'cache-control': 'no-store' };
/** A card submission is a few fields of text; the largest rationale a card accepts is far under this. */
const MAX_ACT_BYTES = 64 * 1024;
const ok = (jsonBody: unknown): HttpResponseInit => ({ status: 200, headers: NO_STORE, jsonBody });


export function createActHandlers(getServices: () => Promise<Services>) {
  /** The person signed in with Entra and on the roster (functions/signedInRoute.ts, app/webAuth.ts). */
  const guarded = signedInRoute(getServices, {
    identify: async (s, request) => {
      const auth = await s.authenticateWeb(request.headers.get('authorization'));
      return auth.ok ? { ok: true, who: auth.actor } : auth;
    },
    area: 'web page',
    failed: 'Something went wrong on the server. Nothing more was recorded than the page says; it has been logged for the administrator.',
  });

  async function config(): Promise<HttpResponseInit> {
    const ready = await servicesOr503(getServices);
    if (!ready.ok) return ready.response;
    const { env, config: partnership } = ready.s;
    const clientId = webSignInClientId(env);
    if (!clientId) return problem(503, 'Signing in from an email link is not configured here (no app registration).');
    const authorityHost = new URL(env.ENTRA_AUTHORITY_HOST);
    // msal-browser speaks to Entra's hosts as Entra (AAD); any other (npm start's or a test's local authority) as plain OpenID Connect.
    const entra = ENTRA_AUTHORITY_HOSTS.has(authorityHost.host);
    return ok({
      partnership: partnership.partnership.name,
      clientId,
      // Two ways in. The partnership's tenant: its own people and its guests (agencies without
      // Microsoft 365 sign in as guests with an emailed one-time passcode); Entra issues their
      // tokens from the partnership's tenant with the guest's object id there. `organizations`:
      // people of another organisation with their own work account (the app is multi-tenant);
      // their tokens come from their home tenant with their home object id.
      authority: `${authorityHost.origin}/${partnership.tenantId}`,
      homeAuthority: `${authorityHost.origin}/organizations`,
      protocolMode: entra ? 'AAD' : 'OIDC',
      knownAuthorities: entra ? [] : [authorityHost.host],
      scopes: [`api://${new URL(env.PUBLIC_BASE_URL).host}/${clientId}/access_as_user`],
    });
  }

  /** The request the link names: its query, on the page's address and on each submission from it. */
  const requestOf = (request: HttpRequest) => ActRequestSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const NO_REQUEST = 'This link does not name a case and what is asked. Please use the link in the email as it was sent.';

  const view = guarded(async (s, request, actor) => {
    const parsed = requestOf(request);
    if (!parsed.success) return problem(400, NO_REQUEST);
    return ok({ card: await s.webAct.view(parsed.data, actor, s.clock.now()) });
  });

  const act = guarded(async (s, request, actor) => {
    const parsed = requestOf(request);
    if (!parsed.success) return problem(400, `${NO_REQUEST} Nothing was recorded.`);
    const read = await readBounded(request, MAX_ACT_BYTES);
    if (!read.ok) return problem(413, 'That is more than this page accepts. Nothing was recorded.');
    let payload: unknown;
    try {
      payload = JSON.parse(read.bytes.toString('utf8'));
    } catch {
      return problem(400, 'The page sent something that could not be read. Nothing was recorded.');
    }
    return ok({ card: await s.webAct.act(parsed.data, payload, actor) });
  });

  return { config, view, act };
}
