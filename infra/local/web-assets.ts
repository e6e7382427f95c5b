import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuild, WEB_DIST } from '../../web/build.ts';
import { isPagePath } from '../../web/page-paths.ts';
import { contentSecurityPolicy, OTHER_SECURITY_HEADERS } from '../../web/security-headers.ts';

/**
 * The web app on the local server: the built files at `/`, `config.json` for the app, and `index.html` for
 * any other GET that is not an API path (client-side routes such as `/task/{id}`). API routes are matched
 * before this runs, so they keep their paths and answers. Every response carries the same security headers
 * CloudFront adds on AWS.
 */

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers every page and asset gets (the same list as the CloudFront response-headers policy). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy(),
  ...OTHER_SECURITY_HEADERS,
};

/** Serves a GET or HEAD for the web app; answers false when the request is not for it. */
export type WebAssetHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * Makes the handler. The first path segments of the API's routes (`tasks`, `cycles`, ...) stay the API's: an
 * unknown path under one of them is a JSON 404, not the app.
 */
export function webAssets(options: { dist?: string; routes: Iterable<{ path: string }> }): WebAssetHandler {
  const dist = options.dist ?? WEB_DIST;
  const apiPrefixes = new Set([...options.routes].map((route) => route.path.split('/')[1] ?? ''));
  apiPrefixes.delete('');
  return (request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return false;
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return false;
    }
    const first = path.split('/')[1] ?? '';
    if (apiPrefixes.has(first)) return false;

    if (path === '/config.json') {
      // Same origin locally: the app calls the API at the paths it is served from.
      const body = JSON.stringify({ apiUrl: '' });
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': TYPES['.json'] ?? '',
        'cache-control': 'no-cache',
        'content-length': Buffer.byteLength(body),
      });
      response.end(method === 'HEAD' ? undefined : body);
      return true;
    }

    const file = normalize(join(dist, path));
    const inside = file.startsWith(`${dist}${sep}`);
    if (inside && path !== '/' && existsSync(file) && statSync(file).isFile() && !file.includes(`${sep}.`)) {
      const hashed = path.startsWith('/assets/');
      sendFile(request, response, file, hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      return true;
    }
    // A missing file (an old hashed asset, /favicon.ico) is a 404, not the app: the browser asked for a file.
    if (!isPagePath(path)) {
      const body = 'Not found';
      response.writeHead(404, {
        ...SECURITY_HEADERS,
        'content-type': TYPES['.txt'] ?? '',
        'cache-control': 'no-cache',
      });
      response.end(method === 'HEAD' ? undefined : body);
      return true;
    }
    const index = join(dist, 'index.html');
    if (!existsSync(index)) {
      response.writeHead(503, {
        ...SECURITY_HEADERS,
        'content-type': TYPES['.txt'] ?? '',
        'retry-after': '5',
      });
      response.end(method === 'HEAD' ? undefined : 'The web app is being built. Reload in a few seconds.');
      return true;
    }
    sendFile(request, response, index, 'no-cache');
    return true;
  };
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.map', '.svg', '.txt']);
// Files of a build never change (a new build has new names, and index.html is read again when it changes).
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

/** Sends a file, gzipped when the browser accepts it (as CloudFront does): a phone on 3G gets a third of the bytes. */
function sendFile(request: IncomingMessage, response: ServerResponse, file: string, cacheControl: string) {
  const stat = statSync(file);
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    vary: 'accept-encoding',
  };
  let body: Buffer;
  if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    let cached = gzipped.get(file);
    if (!cached || cached.mtimeMs !== stat.mtimeMs) {
      cached = { mtimeMs: stat.mtimeMs, body: gzipSync(readFileSync(file), { level: 9 }) };
      gzipped.set(file, cached);
    }
    body = cached.body;
    headers['content-encoding'] = 'gzip';
  } else {
    body = readFileSync(file);
  }
  headers['content-length'] = body.length;
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Builds the app if its bundle is missing or older than its sources (one line is printed when it builds). */
export async function prepareWebApp(log: (line: string) => void): Promise<void> {
  try {
    const { built, ms } = await ensureWebBuild({ log });
    if (built) log(`Web app built in ${ms} ms`);
  } catch (error) {
    // The API still serves; the app answers 503 until it is built.
    log(`Web app not available: ${(error as Error).message}`);
  }
}
