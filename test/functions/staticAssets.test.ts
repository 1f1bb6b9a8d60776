import { gunzipSync } from 'node:zlib';
import functions from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { createStaticAssets } from '../../functions/staticAssets.js';

/** The tab's files, served by the function app: only the named ones, with their security headers. */

const { HttpRequest } = functions;
const assets = createStaticAssets({ localMode: false });
const get = (path: string, headers: Record<string, string> = {}) => assets(new HttpRequest({ method: 'GET', url: `https://sin.example.org${path}`, headers }));

describe('the tab pages and bundle', () => {
  it.each(['/tab/index.html', '/tab/config.html', '/tab/styles.css', '/tab/app.js', '/tab/config.js', '/privacy.html', '/terms.html'])('serves %s with a CSP that lets only Teams frame it', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    const headers = response.headers as Record<string, string>;
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain('frame-ancestors');
    expect(headers['content-security-policy']).toContain('https://teams.microsoft.com');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/tab/../package.json', '/tab/%2e%2e/package.json', '/tab/..%2fpackage.json', '/tab/', '/tab/app.js.map', '/local.settings.json', '/tab/index.html/', '/TAB/INDEX.HTML', '/act', '/act/act.js.map', '/act/../package.json'])('serves nothing else: %s is 404', async (path) => {
    expect((await get(path)).status).toBe(404);
  });

  it.each(['/act/', '/act/index.html', '/act/act.js', '/act/styles.css'])('serves %s, the page an email links to, framed by nobody and talking only to itself and Entra', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    const headers = response.headers as Record<string, string>;
    expect(headers['content-type']).toMatch(path.endsWith('.js') ? /^text\/javascript/ : path.endsWith('.css') ? /^text\/css/ : /^text\/html/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("connect-src 'self' https://login.microsoftonline.com;");
    expect(headers['content-security-policy']).not.toContain('teams.microsoft.com');
  });

  it('sends the bundle compressed when asked, and 304 when it has not changed', async () => {
    const plain = await get('/tab/app.js');
    const zipped = await get('/tab/app.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect((zipped.headers as Record<string, string>)['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body as Buffer).equals(plain.body as Buffer)).toBe(true);
    expect((zipped.body as Buffer).length).toBeLessThan((plain.body as Buffer).length / 3);
    const etag = (plain.headers as Record<string, string>).etag!;
    const again = await get('/tab/app.js', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeUndefined();
  });
});
