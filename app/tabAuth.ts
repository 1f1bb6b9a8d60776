import type { PartnershipFile } from '../config/partnershipFile.js';
import type { JWTVerifyGetKey } from 'jose';
import { roleWords } from '../workflow/words.js';
import { findPerson, rolesOf, type PartnershipConfig, type Role } from '../workflow/partnership.js';
import { maySee } from '../workflow/access.js';
import { offRosterKey } from './rosterIdentity.js';
import { createEntraSignIn, type SignInFailure } from './entraSignIn.js';

/**
 * Who is asking the monitoring tab's API, and whether they may see it. The tab gets a token from
 * Teams SSO (authentication.getAuthToken); it is checked, its tenant held to the allow-list and
 * the person looked up on the roster by the web APIs' one sign-in step (app/entraSignIn.ts). Only
 * the business unit and the chairs may then see the tab.
 */

export type TabIdentity = { aadObjectId: string; displayName: string; roles: Role[]; mode: 'sso' | 'local' };
/** 503: Entra's key set could not be fetched, so nothing is known about the token (try again), unlike 401 (a bad token). */
export type TabAuthResult = { ok: true; identity: TabIdentity } | { ok: false; status: 401 | 403 | 503; reason: string };

export { keySetUnavailable } from './entraToken.js';

export type TabAuthSettings = {
  /** Entra's authority for the partnership's cloud (ENTRA_AUTHORITY_HOST): the issuers accepted, and by default the key set. */
  authorityHost: string;
  /** Entra's signing keys when not the authority's own (a local key set in tests). */
  jwksUrl?: string;
  /** The app's id and its Application ID URI (api://host/id): tokens for anything else are refused. */
  audiences: string[];
  allowedTenantIds: string[];
};

/** What the tab says for each way a token can fail, in the words it always used. */
const TOKEN_REFUSALS: Record<SignInFailure, { status: 401 | 403 | 503; reason: string }> = {
  missing: { status: 401, reason: 'Sign in through Teams to see this tab.' },
  unavailable: { status: 503, reason: 'Microsoft sign-in could not be reached to check who you are. Please try again in a minute.' },
  invalid: { status: 401, reason: 'Your sign-in could not be verified or has expired. Close and reopen the tab.' },
  claims: { status: 401, reason: 'Your sign-in token is missing who you are.' },
  issuer: { status: 401, reason: 'Your sign-in token was not issued by your organisation.' },
  scope: { status: 403, reason: 'Your sign-in does not allow this app to act for you (access_as_user).' },
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
  const { allowedTenantIds, ...token } = settings;
  const signIn = createEntraSignIn(config, { ...token, refusals: TOKEN_REFUSALS, tenants: { allowed: allowedTenantIds, refusal: `Your organisation is not one this ${config.partnership.shortName} tab serves.` } }, keys);
  return async function authenticate(authorization: string | null): Promise<TabAuthResult> {
    const signedIn = await signIn(authorization);
    if (!signedIn.ok) return signedIn;
    // The roster says who the (tenant, object id) is, as for the bot: an object id listed for
    // another tenant (or for none) is nobody.
    return authorise(config, signedIn.person?.aadObjectId ?? offRosterKey(signedIn.sender), 'sso', signedIn.name);
  };
}
