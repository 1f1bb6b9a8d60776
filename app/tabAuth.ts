import type { PartnershipFile } from '../config/partnershipFile.js';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { roleWords } from '../workflow/words.js';
import { findPerson, rolesOf, type PartnershipConfig, type Role } from '../workflow/partnership.js';
import { maySee } from '../workflow/access.js';
import { offRosterKey, rosterPersonFor } from './rosterIdentity.js';
import { entraIssuers, entraJwksUrl } from './entraEndpoints.js';

/**
 * Who is asking the monitoring tab's API, and whether they may see it. The tab gets a token from
 * Teams SSO (authentication.getAuthToken); it is checked here with `jose` against Entra's signing
 * keys: signature, expiry, audience (this app), issuer and tenant (on the allow-list), and the
 * `access_as_user` scope. The person is then looked up on the partnership's roster by their Entra
 * object id: only the business unit and the chairs may see the tab.
 */

export type TabIdentity = { aadObjectId: string; displayName: string; roles: Role[]; mode: 'sso' | 'local' };
/** 503: Entra's key set could not be fetched, so nothing is known about the token (try again), unlike 401 (a bad token). */
export type TabAuthResult = { ok: true; identity: TabIdentity } | { ok: false; status: 401 | 403 | 503; reason: string };

/**
 * Whether `jwtVerify` failed because the key set could not be had: unreachable (fetch's
 * TypeError), an error status or timeout, or not a key set. A token that is wrong (signature,
 * claims, a key id the set does not have) fails with one of jose's ERR_JWT/ERR_JWS/ERR_JWKS_NO_MATCHING_KEY codes.
 */
export function keySetUnavailable(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JWKS_INVALID') return true;
  return code === 'ERR_JOSE_GENERIC' && error instanceof Error && /JSON Web Key Set HTTP response/.test(error.message);
}

const ClaimsSchema = z.object({
  tid: z.string().min(1),
  oid: z.string().min(1),
  iss: z.string().min(1),
  scp: z.string().optional(),
  name: z.string().optional(),
});


export type TabAuthSettings = {
  /** Entra's authority for the partnership's cloud (ENTRA_AUTHORITY_HOST): the issuers accepted, and by default the key set. */
  authorityHost: string;
  /** Entra's signing keys when not the authority's own (a local key set in tests). */
  jwksUrl?: string;
  /** The app's id and its Application ID URI (api://host/id): tokens for anything else are refused. */
  audiences: string[];
  allowedTenantIds: string[];
};

export function authorise(config: PartnershipConfig, aadObjectId: string, mode: 'sso' | 'local', tokenName?: string): TabAuthResult {
  const roles = rolesOf(config, aadObjectId);
  const person = findPerson(config, aadObjectId);
  if (!person) return { ok: false, status: 403, reason: `You are not on the ${config.partnership.name} roster, so this tab shows you nothing. Ask the business unit if you think you should be.` };
  if (!maySee(config, aadObjectId, { kind: 'tab' }, undefined)) {
    const held = [...new Set(roles.map(roleWords))].join(', ');
    return { ok: false, status: 403, reason: `This tab is for the business unit and the chairs. You are on the roster as ${held}; your cases reach you as cards from the bot.` };
  }
  return { ok: true, identity: { aadObjectId, displayName: person.displayName || tokenName || 'Unknown', roles, mode } };
}

export function createTabAuthenticator(config: PartnershipFile, settings: TabAuthSettings, keys?: JWTVerifyGetKey) {
  const keySet = keys ?? createRemoteJWKSet(new URL(settings.jwksUrl ?? entraJwksUrl(settings.authorityHost)), { cacheMaxAge: 6 * 60 * 60_000 });
  const issuersOf = (tid: string) => entraIssuers(settings.authorityHost, tid);

  return async function authenticate(authorization: string | null): Promise<TabAuthResult> {
    const token = /^Bearer ([A-Za-z0-9_.-]{20,8000})$/.exec(authorization ?? '')?.[1];
    if (!token) return { ok: false, status: 401, reason: 'Sign in through Teams to see this tab.' };
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keySet, { audience: settings.audiences, algorithms: ['RS256'], clockTolerance: 60, requiredClaims: ['exp', 'iss', 'aud'] }));
    } catch (error) {
      if (keySetUnavailable(error)) return { ok: false, status: 503, reason: 'Microsoft sign-in could not be reached to check who you are. Please try again in a minute.' };
      return { ok: false, status: 401, reason: 'Your sign-in could not be verified or has expired. Close and reopen the tab.' };
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) return { ok: false, status: 401, reason: 'Your sign-in token is missing who you are.' };
    const { tid, oid, iss, scp, name } = claims.data;
    if (!settings.allowedTenantIds.includes(tid)) return { ok: false, status: 403, reason: `Your organisation is not one this ${config.partnership.shortName} tab serves.` };
    if (!issuersOf(tid).includes(iss)) return { ok: false, status: 401, reason: 'Your sign-in token was not issued by your organisation.' };
    if (!(scp ?? '').split(' ').includes('access_as_user')) return { ok: false, status: 403, reason: 'Your sign-in does not allow this app to act for you (access_as_user).' };
    // The roster says who the (tenant, object id) is, as for the bot: an object id listed for
    // another tenant (or for none) is nobody.
    const person = rosterPersonFor(config, { tenantId: tid, aadObjectId: oid });
    return authorise(config, person?.aadObjectId ?? offRosterKey({ tenantId: tid, aadObjectId: oid }), 'sso', name);
  };
}
