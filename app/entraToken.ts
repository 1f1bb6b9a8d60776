import { jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { entraIssuers } from './entraEndpoints.js';

/**
 * One check of an Entra access token for this app, shared by the monitoring tab's API and the
 * pages reached from an email: signature against Entra's keys, expiry, audience (this app), issuer
 * (the token's own tenant, in the partnership's cloud) and the `access_as_user` scope. Who the
 * (tenant, object id) is, and what they may do, is each caller's to decide.
 */

const ClaimsSchema = z.object({
  tid: z.string().min(1),
  oid: z.string().min(1),
  iss: z.string().min(1),
  scp: z.string().optional(),
  name: z.string().optional(),
});
export type EntraClaims = z.infer<typeof ClaimsSchema>;

export type EntraTokenResult =
  | { ok: true; claims: EntraClaims }
  /** missing: no bearer token; unavailable: the key set could not be had; invalid: signature, expiry or audience; claims: no tenant or object id; issuer; scope. */
  | { ok: false; failure: 'missing' | 'unavailable' | 'invalid' | 'claims' | 'issuer' | 'scope' };

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

export async function verifyEntraToken(authorization: string | null, keySet: JWTVerifyGetKey, settings: { authorityHost: string; audiences: string[] }): Promise<EntraTokenResult> {
  const token = /^Bearer ([A-Za-z0-9_.-]{20,8000})$/.exec(authorization ?? '')?.[1];
  if (!token) return { ok: false, failure: 'missing' };
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, keySet, { audience: settings.audiences, algorithms: ['RS256'], clockTolerance: 60, requiredClaims: ['exp', 'iss', 'aud'] }));
  } catch (error) {
    return { ok: false, failure: keySetUnavailable(error) ? 'unavailable' : 'invalid' };
  }
  const claims = ClaimsSchema.safeParse(payload);
  if (!claims.success) return { ok: false, failure: 'claims' };
  if (!entraIssuers(settings.authorityHost, claims.data.tid).includes(claims.data.iss)) return { ok: false, failure: 'issuer' };
  if (!(claims.data.scp ?? '').split(' ').includes('access_as_user')) return { ok: false, failure: 'scope' };
  return { ok: true, claims: claims.data };
}
