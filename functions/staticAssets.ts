import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import type { HttpRequest, HttpResponseInit } from '@azure/functions';

/**
 * The tab's pages, script and style sheet, served by the function app itself so the tab needs no
 * other host. Only the files named here can be fetched: a path is looked up, never joined onto a
 * folder, so no request can read anything else on disk.
 */

/** The folder holding package.json: the project root from source (tsx) and from dist/ alike. */
export function packageRoot(from = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

const TYPES = { html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' } as const;

/** URL path (without the leading slash) to file, relative to the project root. */
export const ASSETS: Record<string, string> = {
  'tab/index.html': 'tab/public/index.html',
  'tab/config.html': 'tab/public/config.html',
  'tab/styles.css': 'tab/public/styles.css',
  'tab/app.js': 'dist/tab/app.js',
  'tab/config.js': 'dist/tab/config.js',
  // The page an email links to (its redirect URI is /act/, so both names serve it).
  'act/': 'tab/public/act.html',
  'act/index.html': 'tab/public/act.html',
  'act/act.js': 'dist/tab/act.js',
  'act/styles.css': 'tab/public/act.css',
  'privacy.html': 'tab/public/privacy.html',
  'terms.html': 'tab/public/terms.html',
};

/**
 * Teams (web, desktop, mobile) may frame the tab; in local mode a plain browser opens it directly.
 * The page an email links to is never framed, and talks to Entra itself (msal-browser fetches the
 * authority's metadata and redeems the sign-in code there).
 */
function securityHeaders(path: string, authorityOrigin: string): Record<string, string> {
  const ancestors = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://*.skype.com";
  const act = path.startsWith('act/');
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'${act ? ` ${authorityOrigin}` : ''}; frame-ancestors ${act ? "'none'" : ancestors}; base-uri 'none'; form-action 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

type Loaded = { body: Buffer; gzipped: Buffer; etag: string };

export function createStaticAssets(options: { root?: string; localMode: boolean; /** ENTRA_AUTHORITY_HOST: the sign-in the page an email links to may reach. */ authorityHost?: string }) {
  const root = options.root ?? packageRoot();
  const authorityOrigin = new URL(options.authorityHost ?? 'https://login.microsoftonline.com').origin;
  // Files only change with a deployment, so each is read and compressed once per instance; in local
  // mode a rebuilt bundle is picked up at once.
  const cache = new Map<string, Loaded>();
  const load = async (file: string): Promise<Loaded> => {
    const cached = options.localMode ? undefined : cache.get(file);
    if (cached) return cached;
    const body = await readFile(join(root, file));
    const loaded = { body, gzipped: gzipSync(body), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
    cache.set(file, loaded);
    return loaded;
  };

  return async function asset(request: HttpRequest): Promise<HttpResponseInit> {
    const path = new URL(request.url).pathname.replace(/^\/+/, '');
    const file = ASSETS[path];
    if (!file) return { status: 404, body: 'Not found' };
    // A folder's address (the page at /act/) is its page.
    const type = TYPES[(path.endsWith('/') ? 'html' : path.slice(path.lastIndexOf('.') + 1)) as keyof typeof TYPES];
    let loaded: Loaded;
    try {
      loaded = await load(file);
    } catch {
      // Only the bundle can be missing: it is built by `npm run build` (and by npm start and npm test).
      return { status: 503, body: `${path} has not been built yet: run npm run build.` };
    }
    // Revalidated on every load (a new release shows at once) but only re-sent when it changed.
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache', etag: loaded.etag, vary: 'accept-encoding', ...securityHeaders(path, authorityOrigin) };
    if (request.headers.get('if-none-match') === loaded.etag) return { status: 304, headers };
    // The bundle is ~520 KB, ~115 KB compressed: worth it on a phone.
    if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) return { status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: loaded.gzipped };
    return { status: 200, headers, body: loaded.body };
  };
}
