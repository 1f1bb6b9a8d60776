import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';

/**
 * The managed-identity endpoint App Service and Azure Functions give an app, on loopback: the app
 * finds it through IDENTITY_ENDPOINT and IDENTITY_HEADER and asks it for a token per resource
 * (`GET ?api-version=2019-08-01&resource=...&client_id=...`, header X-IDENTITY-HEADER). It answers
 * as the platform does, with an Entra v1 access token for that resource, and records every request,
 * so a test sees which resources the app acquired tokens for, as which identity.
 */
export type IdentityTokenRequest = { resource: string; clientId: string | undefined; apiVersion: string | undefined };

export type LocalManagedIdentity = {
  /** IDENTITY_ENDPOINT and IDENTITY_HEADER for the app's environment. */
  env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string };
  requests: IdentityTokenRequest[];
  /** Requests refused because the header was missing or wrong. */
  refused(): number;
  /** Every access token issued, by resource. */
  issued: Map<string, string[]>;
  close(): Promise<void>;
};

export async function startLocalManagedIdentity(o: { tenantId: string; principalId: string }): Promise<LocalManagedIdentity> {
  const header = randomBytes(16).toString('hex');
  // Signed, but with a key nobody checks: storage (Azurite) validates issuer, audience and lifetime only.
  const key = randomBytes(32);
  const requests: IdentityTokenRequest[] = [];
  const issued = new Map<string, string[]>();
  let refused = 0;
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.headers['x-identity-header'] !== header) {
        refused += 1;
        return send(401, { error: 'invalid_request', error_description: 'X-IDENTITY-HEADER is missing or wrong' });
      }
      const resource = url.searchParams.get('resource') ?? '';
      const clientId = url.searchParams.get('client_id') ?? undefined;
      requests.push({ resource, clientId, apiVersion: url.searchParams.get('api-version') ?? undefined });
      const now = Math.floor(Date.now() / 1000);
      const expiresOn = now + 3600;
      const token = await new SignJWT({ appid: clientId, oid: o.principalId, tid: o.tenantId, ver: '1.0' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(`https://sts.windows.net/${o.tenantId}/`)
        .setAudience(resource)
        .setIssuedAt(now - 60)
        .setNotBefore(now - 60)
        .setExpirationTime(expiresOn)
        .sign(key);
      issued.set(resource, [...(issued.get(resource) ?? []), token]);
      send(200, { access_token: token, expires_on: String(expiresOn), resource, token_type: 'Bearer', client_id: clientId });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/msi/token`;
  return {
    env: { IDENTITY_ENDPOINT: endpoint, IDENTITY_HEADER: header },
    requests,
    refused: () => refused,
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
