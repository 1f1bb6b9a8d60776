import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { generate } from 'selfsigned';

/**
 * A minimal OpenID Connect provider on loopback HTTPS, standing in for Entra's sign-in for the page
 * an email links to (`/act/`): msal-browser refuses an authority that is not https, so this one
 * has a self-signed certificate (a browser warns about it once; Node is never asked to trust it:
 * the product fetches the key set from a plain-http address, `jwksUrl`).
 *
 * It offers discovery (`/{tenant}/v2.0/.well-known/openid-configuration`), an authorization
 * endpoint whose page lists the accounts that may sign in there, one button each (a person trying
 * the product chooses whom to be), and a token endpoint that redeems a code once, for the client
 * and redirect URI it was issued to, with PKCE (S256), issuing an id token and an access token for
 * the app's scope (`api://…/{client id}/access_as_user`) signed with `signingKey`. Issuers are
 * `{origin}/{tenant}/v2.0`, so the product given this origin as ENTRA_AUTHORITY_HOST checks them
 * exactly as it checks Entra's. Used by `npm start` (local/signInAuthority.ts) and by the tests'
 * token authority (test/support/localTokenAuthority.ts).
 */

/** Someone who can sign in: the tenant and object id their tokens carry, and what the sign-in page says of them. */
export type SignInAccount = { username: string; tenantId: string; oid: string; name: string; about?: string };

export type OpenIdSignIn = {
  /** The HTTPS origin: ENTRA_AUTHORITY_HOST for the product. */
  origin: string;
  /** Codes redeemed at the token endpoint so far (a refused redemption is not counted). */
  redeemed(): number;
  close(): Promise<void>;
};

type PendingCode = { clientId: string; redirectUri: string; challenge: string; nonce: string; scope: string; account: SignInAccount };

export async function startOpenIdSignIn(o: {
  signingKey: CryptoKey;
  /** The `kid` the key set publishes the signing key under. */
  kid: string;
  /** Where the key set is served (discovery's `jwks_uri`). */
  jwksUrl: string;
  /** Who may sign in, read at every page: `npm start` reads the live roster. */
  accounts: () => readonly SignInAccount[] | Promise<readonly SignInAccount[]>;
  /** While true, every request answers 503, as an unreachable authority would. */
  outage?: () => boolean;
  /** Told of every request (the test authority counts them). */
  onRequest?: () => void;
}): Promise<OpenIdSignIn> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], { keySize: 2048, algorithm: 'sha256', extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }] });
  const codes = new Map<string, PendingCode>();
  let redeemed = 0;
  let origin = '';
  const issuer = (tenant: string) => `${origin}/${tenant}/v2.0`;
  const multiTenant = (tenant: string) => tenant === 'organizations' || tenant === 'common';
  // As Entra's: the multi-tenant endpoints' metadata names no one tenant as issuer.
  const metadataIssuer = (tenant: string) => (multiTenant(tenant) ? `${origin}/{tenantid}/v2.0` : issuer(tenant));
  // As Entra: a tenant's own endpoint signs in only that tenant's accounts (its members and guests,
  // AADSTS50020 otherwise); `organizations` signs anyone in at their home tenant (the first listed).
  const signsInAt = (tenant: string, accounts: readonly SignInAccount[]) =>
    multiTenant(tenant) ? accounts.filter((a, i) => accounts.findIndex((b) => b.username.toLowerCase() === a.username.toLowerCase()) === i) : accounts.filter((a) => a.tenantId === tenant);
  // The page's origin differs from the authority's: discovery and the token endpoint are fetched cross-origin.
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS' };
  const json = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
    response.end(JSON.stringify(body));
  };
  const html = (response: ServerResponse, status: number, body: string) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Sign in (local)</title></head><body style="font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; line-height: 1.4">${body}</body></html>`);
  };
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const sign = (payload: JWTPayload) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: o.kid }).setIssuedAt(now - 60).setNotBefore(now - 60).setExpirationTime(now + 3600).sign(o.signingKey);
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    o.onRequest?.();
    if (o.outage?.()) return json(response, 503, { error: 'temporarily_unavailable' });
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors);
      return void response.end();
    }
    const url = new URL(request.url ?? '/', origin);
    // A browser must accept the self-signed certificate before the page can fetch discovery from
    // here (it fails silently otherwise): npm start says to open this address first.
    if (url.pathname === '/' && request.method === 'GET') {
      return html(response, 200, '<h1>Local sign-in</h1><p>Your browser now accepts this local sign-in authority’s certificate. Go back to the page the email linked to and sign in.</p>');
    }
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
      const eligible = signsInAt(tenant, await o.accounts());
      const username = body.get('username')?.trim().toLowerCase();
      const account = username ? eligible.find((a) => a.username.toLowerCase() === username) : undefined;
      if (!account) {
        const hidden = carried.map(([k, v]) => `<input type="hidden" name="${k}" value="${escape(v)}">`).join('');
        const choices = eligible
          .map((a) => `<li style="margin: .6rem 0"><form method="post" style="display: inline">${hidden}<button type="submit" name="username" value="${escape(a.username)}">Sign in as ${escape(a.name)}</button></form> ${escape(a.username)}${a.about ? ` <span>— ${escape(a.about)}</span>` : ''}</li>`)
          .join('');
        const where = multiTenant(tenant) ? 'with their own organisation’s account (anyone, at their home tenant)' : `at tenant ${escape(tenant)} (its members and guests)`;
        return html(
          response,
          200,
          `<h1>Sign in</h1><p>This is a local stand-in for Microsoft Entra’s sign-in, for trying the product on this machine. Nobody types a password: choose whom to sign in as, ${where}.</p>${username ? `<p role="alert">There is no account ${escape(username)} that signs in here.</p>` : ''}${eligible.length ? `<ul>${choices}</ul>` : '<p>Nobody signs in here.</p>'}`,
        );
      }
      const code = randomBytes(24).toString('base64url');
      codes.set(code, { clientId: field.client_id!, redirectUri: field.redirect_uri!, challenge: field.code_challenge!, nonce: field.nonce!, scope: field.scope!, account });
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
    redeemed: () => redeemed,
    close: () =>
      new Promise<void>((resolve) => {
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
