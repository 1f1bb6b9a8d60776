import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { generate } from 'selfsigned';

/**
 * A token authority on loopback, standing in for both of the authorities the product trusts in
 * production:
 *  - the Bot Framework channel authority (login.botframework.com): an OpenID metadata document and
 *    a key set whose keys carry `endorsements` (the channels a key may sign for), which botbuilder
 *    reads through `ToBotFromChannelOpenIdMetadataUrl`;
 *  - Microsoft Entra ID (login.microsoftonline.com): a key set the tab's SSO tokens are checked
 *    against, through `ENTRA_JWKS_URL`.
 *  - Entra's sign-in for the page an email links to: a minimal OpenID Connect provider on HTTPS
 *    (msal-browser refuses an authority that is not https), at `signInAuthorityHost`: discovery
 *    (`/{tenant}/v2.0/.well-known/openid-configuration`), an authorization endpoint whose page
 *    asks for an account name (one of `addAccount`'s), and a token endpoint redeeming a code once
 *    with PKCE (S256), issuing an id token and an access token for the app's scope
 *    (`api://…/{client id}/access_as_user`), signed with the Entra key. Issuers are
 *    `{signInAuthorityHost}/{tenant}/v2.0`: give the product that host as ENTRA_AUTHORITY_HOST and
 *    `entraJwksUrl` as ENTRA_JWKS_URL (Node does not trust the self-signed certificate; a browser
 *    test tells Chromium to ignore it).
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

/** Someone who can sign in at the authorization endpoint: the tenant and object id their tokens carry. */
export type SignInAccount = { username: string; tenantId: string; oid: string; name: string };

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

  const signIn = await startSignIn({ entraKey: entra.privateKey, jwksUrl: `${base}/entra/discovery/v2.0/keys`, outage: () => outage, count: () => (served += 1) });

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
    addAccount: (account) => signIn.accounts.set(account.username.toLowerCase(), account),
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

type PendingCode = { clientId: string; redirectUri: string; challenge: string; nonce: string; scope: string; account: SignInAccount; tenant: string };

/** The OpenID Connect sign-in on HTTPS (see the top of this file). */
async function startSignIn(o: { entraKey: CryptoKey; jwksUrl: string; outage: () => boolean; count: () => void }) {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], { keySize: 2048, algorithm: 'sha256', extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }] });
  const accounts = new Map<string, SignInAccount>();
  const codes = new Map<string, PendingCode>();
  let redeemed = 0;
  let origin = '';
  const issuer = (tenant: string) => `${origin}/${tenant}/v2.0`;
  // As Entra's: the multi-tenant endpoints' metadata names no one tenant as issuer.
  const metadataIssuer = (tenant: string) => (tenant === 'organizations' || tenant === 'common' ? `${origin}/{tenantid}/v2.0` : issuer(tenant));
  // The page's origin differs from the authority's: discovery and the token endpoint are fetched cross-origin.
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS' };
  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
    response.end(JSON.stringify(body));
  };
  const html = (response: ServerResponse, status: number, body: string) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title></head><body>${body}</body></html>`);
  };
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const sign = (payload: JWTPayload) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'entra-key' }).setIssuedAt(now - 60).setNotBefore(now - 60).setExpirationTime(now + 3600).sign(o.entraKey);
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    o.count();
    if (o.outage()) return json(response, 503, { error: 'temporarily_unavailable' });
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors);
      return void response.end();
    }
    const url = new URL(request.url ?? '/', origin);
    const route = /^\/([^/]+)\/(?:v2\.0\/)?(\.well-known\/openid-configuration|oauth2\/v2\.0\/authorize|oauth2\/v2\.0\/token)$/.exec(url.pathname);
    if (!route) return json(response, 404, { error: 'not_found' });
    const [, tenant = '', endpoint] = route;
    if (endpoint === '.well-known/openid-configuration') {
      return json(response, 200, {
        issuer: metadataIssuer(tenant),
        authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
        end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: o.jwksUrl,
        response_types_supported: ['code'],
        response_modes_supported: ['query', 'fragment'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    const body = request.method === 'POST' ? new URLSearchParams(await readText(request)) : url.searchParams;
    if (endpoint === 'oauth2/v2.0/authorize') {
      const carried = ['client_id', 'redirect_uri', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method', 'response_mode'].map((k) => [k, body.get(k) ?? ''] as const);
      const field = Object.fromEntries(carried);
      if (body.get('response_type') !== 'code' && request.method === 'GET') return html(response, 400, '<p>Only the authorization code flow is offered here.</p>');
      if (field.code_challenge_method !== 'S256' || !field.code_challenge) return html(response, 400, '<p>PKCE (S256) is required.</p>');
      const username = body.get('username');
      const known = username ? accounts.get(username.trim().toLowerCase()) : undefined;
      // As Entra: a tenant's own endpoint signs in only that tenant's accounts (its members and
      // guests, AADSTS50020 otherwise); `organizations` signs anyone in at their home tenant.
      const account = known && (tenant === 'organizations' || tenant === 'common' || known.tenantId === tenant) ? known : undefined;
      if (!account) {
        const hidden = carried.map(([k, v]) => `<input type="hidden" name="${k}" value="${escape(v)}">`).join('');
        const problem = username ? `<p role="alert">There is no account ${escape(username)} in this directory.</p>` : '';
        return html(response, 200, `<h1>Sign in</h1>${problem}<form method="post"><label for="username">Account</label> <input id="username" name="username" autocomplete="username">${hidden}<button type="submit">Sign in</button></form>`);
      }
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { clientId: field.client_id!, redirectUri: field.redirect_uri!, challenge: field.code_challenge!, nonce: field.nonce!, scope: field.scope!, account, tenant });
      const answer = new URLSearchParams({ code, state: field.state!, client_info: clientInfo(account) });
      const target = field.response_mode === 'query' ? `${field.redirect_uri}?${answer}` : `${field.redirect_uri}#${answer}`;
      response.writeHead(302, { location: target, 'cache-control': 'no-store' });
      return void response.end();
    }
    // The token endpoint: one redemption per code, by the client it was issued to, with the verifier.
    if (request.method !== 'POST') return json(response, 405, { error: 'invalid_request' });
    if (body.get('grant_type') !== 'authorization_code') return json(response, 400, { error: 'unsupported_grant_type' });
    const code = body.get('code') ?? '';
    const pending = codes.get(code);
    codes.delete(code);
    const verifier = body.get('code_verifier') ?? '';
    if (!pending || pending.clientId !== body.get('client_id') || pending.redirectUri !== body.get('redirect_uri') || createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) {
      return json(response, 400, { error: 'invalid_grant', error_description: 'The code is unknown, used, or not for this client and verifier.' });
    }
    redeemed += 1;
    const { account } = pending;
    const apiScopes = pending.scope.split(' ').filter((s) => s.startsWith('api://'));
    const common = { tid: account.tenantId, oid: account.oid, name: account.name, ver: '2.0', iss: issuer(account.tenantId) };
    return json(response, 200, {
      token_type: 'Bearer',
      scope: apiScopes.join(' '),
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: await sign({ ...common, aud: pending.clientId, azp: pending.clientId, scp: apiScopes.map((s) => s.slice(s.lastIndexOf('/') + 1)).join(' ') }),
      id_token: await sign({ ...common, aud: pending.clientId, sub: account.oid, preferred_username: account.username, nonce: pending.nonce }),
      client_info: clientInfo(account),
    });
  }

  const server = createHttpsServer({ key: pems.private, cert: pems.cert }, (request, response) => {
    handle(request, response).catch(() => json(response, 500, { error: 'server_error' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    accounts,
    redeemed: () => redeemed,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** What Entra returns as client_info: the account's home object id and tenant, base64url JSON. */
const clientInfo = (account: SignInAccount) => Buffer.from(JSON.stringify({ uid: account.oid, utid: account.tenantId })).toString('base64url');

function readText(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).on('error', reject);
  });
}
