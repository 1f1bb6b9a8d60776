import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { startOpenIdSignIn, type SignInAccount } from './openIdSignIn.js';

/**
 * `npm start`'s stand-in for Microsoft Entra, so the page an email links to can be tried on this
 * machine: the OpenID Connect sign-in on loopback HTTPS (local/openIdSignIn.ts) and its key set on
 * loopback HTTP, which the product's token check fetches (Node does not trust the sign-in's
 * self-signed certificate). The product trusts it only in local mode: outside it nobody sets these
 * addresses, and in production functions/environment.ts refuses any authority that is not Entra's.
 */

export type LocalSignInAuthority = {
  /** ENTRA_AUTHORITY_HOST: the sign-in's HTTPS origin. */
  authorityHost: string;
  /** ENTRA_JWKS_URL: the signing key set, over HTTP on loopback. */
  jwksUrl: string;
  close(): Promise<void>;
};

const KID = 'local-sign-in';

export async function startLocalSignInAuthority(o: { accounts: () => readonly SignInAccount[] | Promise<readonly SignInAccount[]> }): Promise<LocalSignInAuthority> {
  const { privateKey, publicKey } = (await generateKeyPair('RS256', { extractable: true })) as { privateKey: CryptoKey; publicKey: CryptoKey };
  const keys = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: KID, use: 'sig', alg: 'RS256' }] });
  const keyServer: Server = createServer((request, response) => {
    const found = request.url === '/common/discovery/v2.0/keys';
    response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    response.end(found ? keys : '{"error":"not found"}');
  });
  await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/common/discovery/v2.0/keys`;
  const signIn = await startOpenIdSignIn({ signingKey: privateKey, kid: KID, jwksUrl, accounts: o.accounts });
  return {
    authorityHost: signIn.origin,
    jwksUrl,
    close: async () => {
      keyServer.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => keyServer.close(() => resolve())), signIn.close()]);
    },
  };
}
