import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { startOpenIdSignIn, type SignInAccount } from '../../local/openIdSignIn.js';

/**
 * A token authority on loopback, standing in for both of the authorities the product trusts in
 * production:
 *  - the Bot Framework channel authority (login.botframework.com): an OpenID metadata document and
 *    a key set whose keys carry `endorsements` (the channels a key may sign for), which botbuilder
 *    reads through `ToBotFromChannelOpenIdMetadataUrl`;
 *  - Microsoft Entra ID (login.microsoftonline.com): a key set the tab's SSO tokens are checked
 *    against, through `ENTRA_JWKS_URL`.
 *  - Entra's sign-in for the page an email links to: `npm start`'s OpenID Connect provider on
 *    HTTPS (local/openIdSignIn.ts), at `signInAuthorityHost`, whose page offers `addAccount`'s
 *    accounts, signing with the Entra key. Issuers are `{signInAuthorityHost}/{tenant}/v2.0`: give
 *    the product that host as ENTRA_AUTHORITY_HOST and `entraJwksUrl` as ENTRA_JWKS_URL (Node does
 *    not trust the self-signed certificate; a browser test tells Chromium to ignore it).
 * Tokens are signed here for the real audiences and issuers, so the product's own checks run
 * exactly as they do in Azure. An outage can be switched on: the metadata and key sets then answer
 * 503, as an unreachable authority would.
 */

export const BOT_CHANNEL_ISSUER = 'https://api.botframework.com';
export const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

export type BotTokenOptions = {
  /** The bot's app id (the token's audience). */
  audience: string;
  serviceUrl?: string;
  /** Sign with a key the authority does not publish (a forgery). */
  foreignKey?: boolean;
  /** Sign with the published key that is endorsed only for Web Chat / Direct Line, not msteams. */
  webchatKey?: boolean;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  issuer?: string;
  claims?: JWTPayload;
};

export type EntraTokenOptions = {
  audience: string;
  tenantId: string;
  oid: string;
  name?: string;
  scp?: string;
  foreignKey?: boolean;
  expiresIn?: number;
  issuer?: string;
  claims?: JWTPayload;
};

export type { SignInAccount };

export type LocalTokenAuthority = {
  /** HTTPS origin of the OpenID Connect sign-in, as ENTRA_AUTHORITY_HOST for the page an email links to. */
  signInAuthorityHost: string;
  /**
   * Lets `username` sign in: at `/organizations` or at their own tenant's endpoint, with tokens
   * carrying `tenantId` and `oid`. A guest of a tenant is an account of that tenant (the guest's
   * object id there), as Entra issues it.
   */
  addAccount(account: SignInAccount): void;
  /** Codes redeemed at the token endpoint so far (a refused redemption is not counted). */
  redeemed(): number;
  /** For botbuilder's `ToBotFromChannelOpenIdMetadataUrl`. */
  botOpenIdMetadataUrl: string;
  /** For the tab's `ENTRA_JWKS_URL`. */
  entraJwksUrl: string;
  /** As `ENTRA_AUTHORITY_HOST`: the product then finds the key set here by itself. */
  entraAuthorityHost: string;
  /** A `Bearer ...` header value for a Bot Framework channel token. */
  botAuthorization(options: BotTokenOptions): Promise<string>;
  /** A `Bearer ...` header value for a Teams SSO (Entra v2) token. */
  entraAuthorization(options: EntraTokenOptions): Promise<string>;
  /** While on, every document this authority serves answers 503. */
  setOutage(on: boolean): void;
  /** How many documents were asked for (metadata and key sets), to show the product went to fetch them. */
  requests(): number;
  close(): Promise<void>;
};

type KeyPair = { privateKey: CryptoKey; publicKey: CryptoKey };
const keyPair = () => generateKeyPair('RS256', { extractable: true }) as Promise<KeyPair>;

export async function startLocalTokenAuthority(): Promise<LocalTokenAuthority> {
  const [teams, webchat, entra, foreign] = await Promise.all([keyPair(), keyPair(), keyPair(), keyPair()]);
  const publicJwk = async (pair: KeyPair, kid: string, extra: Record<string, unknown> = {}) => ({ ...(await exportJWK(pair.publicKey)), kid, use: 'sig', alg: 'RS256', ...extra });
  const botKeys = { keys: [await publicJwk(teams, 'teams-key', { endorsements: ['msteams'] }), await publicJwk(webchat, 'webchat-key', { endorsements: ['webchat', 'directline'] })] };
  const entraKeys = { keys: [await publicJwk(entra, 'entra-key')] };

  let outage = false;
  let served = 0;
  let base = '';
  const server: Server = createServer((request, response) => {
    served += 1;
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (outage) return send(503, { error: 'temporarily unavailable' });
    switch (request.url) {
      case '/botframework/v1/.well-known/openidconfiguration':
        return send(200, { issuer: BOT_CHANNEL_ISSUER, jwks_uri: `${base}/botframework/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
      case '/botframework/v1/.well-known/keys':
        return send(200, botKeys);
      case '/entra/discovery/v2.0/keys':
      // Where the product looks by default when this authority is ENTRA_AUTHORITY_HOST (app/entraEndpoints.ts).
      case '/common/discovery/v2.0/keys':
        return send(200, entraKeys);
      default:
        return send(404, { error: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const accounts: SignInAccount[] = [];
  const signIn = await startOpenIdSignIn({ signingKey: entra.privateKey, kid: 'entra-key', jwksUrl: `${base}/entra/discovery/v2.0/keys`, accounts: () => accounts, outage: () => outage, onRequest: () => (served += 1) });

  const sign = (payload: JWTPayload, key: CryptoKey, kid: string, expiresIn: number) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + expiresIn)
      .sign(key);
  };

  return {
    botOpenIdMetadataUrl: `${base}/botframework/v1/.well-known/openidconfiguration`,
    entraJwksUrl: `${base}/entra/discovery/v2.0/keys`,
    entraAuthorityHost: base,
    signInAuthorityHost: signIn.origin,
    addAccount: (account) => void accounts.push(account),
    redeemed: () => signIn.redeemed(),
    async botAuthorization(o) {
      const [key, kid] = o.foreignKey ? [foreign.privateKey, 'teams-key'] : o.webchatKey ? [webchat.privateKey, 'webchat-key'] : [teams.privateKey, 'teams-key'];
      const payload = { iss: o.issuer ?? BOT_CHANNEL_ISSUER, aud: o.audience, serviceurl: o.serviceUrl ?? TEAMS_SERVICE_URL, ...o.claims };
      return `Bearer ${await sign(payload, key, kid, o.expiresIn ?? 3600)}`;
    },
    async entraAuthorization(o) {
      const payload = {
        iss: o.issuer ?? `https://login.microsoftonline.com/${o.tenantId}/v2.0`,
        aud: o.audience,
        tid: o.tenantId,
        oid: o.oid,
        scp: o.scp ?? 'access_as_user',
        ...(o.name ? { name: o.name } : {}),
        ...o.claims,
      };
      return `Bearer ${await sign(payload, o.foreignKey ? foreign.privateKey : entra.privateKey, 'entra-key', o.expiresIn ?? 3600)}`;
    },
    setOutage(on) {
      outage = on;
    },
    requests: () => served,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await signIn.close();
    },
  };
}
