import type { JWTVerifyGetKey } from 'jose';
import type { CommandActor } from '../workflow/commands.js';
import type { PartnershipFile } from '../config/partnershipFile.js';
import { createEntraSignIn, type SignInFailure } from './entraSignIn.js';

/**
 * Who is acting from the pages an email links to. The page signs the person in with Entra
 * (msal-browser, auth code + PKCE) and sends its access token; the token is checked and looked
 * up on the roster by the web APIs' one sign-in step (app/entraSignIn.ts), as the tab's is: the
 * token's tenant and object id must be a pair the roster lists, exactly as for a Teams click. Any tenant may sign in (the roster decides,
 * not an allow-list of tenants: an agency without Microsoft 365 signs in as a guest of the
 * partnership's tenant). The actor is the roster's person, never anything the form sends.
 */

export type WebAuthResult = { ok: true; actor: CommandActor } | { ok: false; status: 401 | 403 | 503; reason: string };

export type WebAuthSettings = {
  authorityHost: string;
  jwksUrl?: string;
  /** The app registration the pages sign in with: its client id and Application ID URI. */
  audiences: string[];
};

const TOKEN_REFUSALS: Record<SignInFailure, { status: 401 | 403 | 503; reason: string }> = {
  missing: { status: 401, reason: 'Please sign in to act on this case.' },
  unavailable: { status: 503, reason: 'Microsoft sign-in could not be reached to check who you are. Please try again in a minute.' },
  invalid: { status: 401, reason: 'Your sign-in could not be verified or has expired. Please sign in again.' },
  claims: { status: 401, reason: 'Your sign-in does not say who you are. Please sign in again.' },
  issuer: { status: 401, reason: 'Your sign-in was not issued by your organisation.' },
  scope: { status: 403, reason: 'Your sign-in does not allow this app to act for you (access_as_user).' },
};

export function createWebAuthenticator(config: PartnershipFile, settings: WebAuthSettings, keys?: JWTVerifyGetKey) {
  const signIn = createEntraSignIn(config, { ...settings, refusals: TOKEN_REFUSALS }, keys);
  return async function authenticate(authorization: string | null): Promise<WebAuthResult> {
    const signedIn = await signIn(authorization);
    if (!signedIn.ok) return signedIn;
    const { person } = signedIn;
    // One refusal for everyone not listed with that tenant, whatever object id or tenant they had.
    if (!person) return { ok: false, status: 403, reason: `Your account is not on the ${config.partnership.name} roster for your organisation, so there is nothing here for you to do. Nothing was recorded. If you think it should be, ask the business unit.` };
    return { ok: true, actor: { aadObjectId: person.aadObjectId, displayName: person.displayName } };
  };
}
