import { ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { Client, HTTPMessageHandler, MiddlewareFactory, type Middleware } from '@microsoft/microsoft-graph-client';
// The package has no "exports" map, so Node's ESM resolver needs the file, not the folder.
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import { createFetchTransport, type TransportOptions } from './fetchTransport.js';

/** The app registration's client-credentials secret: app-only access, no signed-in user. */
export type AppCredentials = {
  tenantId: string;
  clientId: string;
  clientSecret: string;
};

export type GraphClientOptions = {
  /** A secret for ClientSecretCredential, or any TokenCredential (a managed identity in Azure, a stub in tests). */
  credential: AppCredentials | TokenCredential;
  transport?: TransportOptions;
  /** Graph's root: the public cloud by default; a national cloud's, or a loopback stand-in in local mode. */
  baseUrl?: string;
  /** Where ClientSecretCredential gets tokens: the public cloud's Entra by default. */
  authorityHost?: string;
};

export const PUBLIC_GRAPH = 'https://graph.microsoft.com';

export function createGraphClient(options: GraphClientOptions): Client {
  const root = new URL(options.baseUrl ?? PUBLIC_GRAPH);
  const credential = isTokenCredential(options.credential)
    ? options.credential
    : new ClientSecretCredential(options.credential.tenantId, options.credential.clientId, options.credential.clientSecret, options.authorityHost ? { authorityHost: options.authorityHost } : {});
  // App-only tokens carry the application permissions granted; `.default` asks for all of them, for this cloud's Graph.
  const authProvider = new TokenCredentialAuthenticationProvider(credential, { scopes: [`${root.origin}/.default`] });
  return Client.initWithMiddleware({
    middleware: middlewareChain(authProvider, options.transport),
    baseUrl: `${root.origin}/`,
    // The client attaches tokens only for hosts it knows as Graph's; another cloud's or a stand-in's is named here.
    customHosts: new Set([root.hostname]),
  });
}

/**
 * The client's own default chain (authentication, RetryHandler for 429/503/504 honouring
 * Retry-After, redirects, telemetry) with only its final HTTP handler swapped for ours, so the
 * behaviour Graph's guidance expects is kept and only the transport changes.
 */
function middlewareChain(
  authProvider: TokenCredentialAuthenticationProvider,
  transport: TransportOptions | undefined,
): Middleware[] {
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
  const last = chain.length - 1;
  if (!(chain[last] instanceof HTTPMessageHandler)) {
    // A future client version that reorders its chain must fail here, loudly, not send requests untried.
    throw new Error('unexpected default middleware chain in @microsoft/microsoft-graph-client');
  }
  chain[last] = createFetchTransport(transport);
  return chain;
}

function isTokenCredential(credential: AppCredentials | TokenCredential): credential is TokenCredential {
  return 'getToken' in credential && typeof credential.getToken === 'function';
}
