import { PublicClientApplication, type AccountInfo, type ProtocolMode } from '@azure/msal-browser';
import { z } from 'zod';

/**
 * Sign-in for the page an email links to: Microsoft Entra through msal-browser, auth code flow
 * with PKCE by redirect, either at the partnership's tenant (its people and its guests) or at
 * `organizations` (people of other organisations with their own work account). What the link asked (the case and the request) rides through
 * the redirect in msal's `state`, so the person lands back where they started. The page keeps the
 * tokens in sessionStorage: closing the tab signs them out of the page.
 */

export const ActConfigSchema = z.object({
  partnership: z.string(),
  clientId: z.string(),
  authority: z.string(),
  homeAuthority: z.string(),
  protocolMode: z.enum(['AAD', 'OIDC']),
  knownAuthorities: z.array(z.string()),
  scopes: z.array(z.string()),
});
export type ActConfig = z.infer<typeof ActConfigSchema>;

export type SignIn = {
  /** The link's query (`case`, `do`, `agency`), from the address or carried through the redirect. */
  query: string;
  account: AccountInfo | undefined;
  /** The access token for the app's API, or undefined when the person must sign in first. */
  token(): Promise<string | undefined>;
  /** `home`: with their own organisation's work account; `partnership`: as a member or guest of the partnership's tenant. */
  signIn(where: 'home' | 'partnership'): Promise<void>;
};

export async function startSignIn(config: ActConfig): Promise<SignIn> {
  const msal = new PublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority, knownAuthorities: config.knownAuthorities, redirectUri: `${location.origin}/act/` },
    cache: { cacheLocation: 'sessionStorage' },
    system: { protocolMode: config.protocolMode as ProtocolMode },
  });
  await msal.initialize();
  const result = await msal.handleRedirectPromise({ navigateToLoginRequestUrl: false });
  const query = result?.state ?? location.search;
  // The address bar shows the link again, not the sign-in's answer.
  if (result) history.replaceState(null, '', `/act/${query}`);
  let account = result?.account ?? msal.getAllAccounts()[0];
  let accessToken = result?.accessToken;
  return {
    query,
    account,
    async token() {
      if (accessToken) return accessToken;
      if (!account) return undefined;
      try {
        const silent = await msal.acquireTokenSilent({ scopes: config.scopes, account });
        account = silent.account;
        accessToken = silent.accessToken;
        return accessToken;
      } catch {
        return undefined;
      }
    },
    async signIn(where) {
      await msal.loginRedirect({ scopes: config.scopes, state: location.search, prompt: 'select_account', authority: where === 'home' ? config.homeAuthority : config.authority });
    },
  };
}
