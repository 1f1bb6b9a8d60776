import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { PartnershipFile } from '../config/partnershipFile.js';
import type { Person } from '../workflow/partnership.js';
import { entraJwksUrl } from './entraEndpoints.js';
import { verifyEntraToken, type EntraTokenResult } from './entraToken.js';
import { rosterPersonFor } from './rosterIdentity.js';

/**
 * The one authenticate-then-look-up step of the web APIs (the monitoring tab's and the pages an
 * email links to): the bearer token checked against Entra's keys (app/entraToken.ts), the
 * token's tenant held to an allow-list where the caller has one, and the (tenant, object id)
 * looked up on the roster, exactly as for a Teams click (app/rosterIdentity.ts). What the person
 * may then see or do, and the words of each refusal, are the caller's.
 */

export type SignInFailure = Extract<EntraTokenResult, { ok: false }>['failure'];
export type SignInRefusal = { ok: false; status: 401 | 403 | 503; reason: string };
export type SignedIn = {
  ok: true;
  /** The token's tenant and object id, as signed. */
  sender: { tenantId: string; aadObjectId: string };
  name?: string;
  /** The roster's person for that pair; undefined for anyone it does not list with that tenant. */
  person: Person | undefined;
};

export type EntraSignInSettings = {
  /** Entra's authority for the partnership's cloud (ENTRA_AUTHORITY_HOST): the issuers accepted, and by default the key set. */
  authorityHost: string;
  /** Entra's signing keys when not the authority's own (a local key set in tests). */
  jwksUrl?: string;
  /** The app's id and its Application ID URI (api://host/id): tokens for anything else are refused. */
  audiences: string[];
  /** What the caller says for each way a token can fail. */
  refusals: Record<SignInFailure, { status: 401 | 403 | 503; reason: string }>;
  /** Where only some tenants are served: those tenants, and the words for any other. */
  tenants?: { allowed: string[]; refusal: string };
};

export function createEntraSignIn(config: PartnershipFile, settings: EntraSignInSettings, keys?: JWTVerifyGetKey) {
  const keySet = keys ?? createRemoteJWKSet(new URL(settings.jwksUrl ?? entraJwksUrl(settings.authorityHost)), { cacheMaxAge: 6 * 60 * 60_000 });
  return async function signIn(authorization: string | null): Promise<SignedIn | SignInRefusal> {
    const checked = await verifyEntraToken(authorization, keySet, settings);
    if (!checked.ok) return { ok: false, ...settings.refusals[checked.failure] };
    const { tid, oid, name } = checked.claims;
    if (settings.tenants && !settings.tenants.allowed.includes(tid)) return { ok: false, status: 403, reason: settings.tenants.refusal };
    const sender = { tenantId: tid, aadObjectId: oid };
    return { ok: true, sender, ...(name === undefined ? {} : { name }), person: rosterPersonFor(config, sender) };
  };
}
