import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, type ServerProcess, startServer } from '../../support/server-process.ts';

/** The local server serves the web app at `/` beside the API, with the headers CloudFront adds on AWS. */

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.kill('SIGTERM');
  removeDataDir(server);
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('Local server: the web app', () => {
  it('serves the app at / with a strict CSP and no-cache, and prints its URL', async () => {
    // Act
    const page = await get('/');
    // Assess
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<div id="root"></div>');
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(server.output()).toContain(`web app:    ${server.url}/`);
  });

  it('caches hashed assets for a year and answers 404 for a missing one', async () => {
    const page = await get('/');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1] ?? '';
    expect(script).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    const asset = await get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Compressed for browsers that accept it, as CloudFront does.
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect((await get('/assets/index-gone.js')).status).toBe(404);
    expect((await get('/favicon.ico')).status).toBe(404);
  });

  it('falls back to the app for page paths, and leaves API paths to the API', async () => {
    // A task's id holds dots: its page is still a page, not a missing file.
    for (const path of [
      '/task/tsk-123',
      '/task/cyc-1.needs-assessment.r0',
      '/cycle/cyc-1',
      '/overview?late=true',
      '/sign-in/code',
    ]) {
      const page = await get(path, { accept: 'text/html' });
      expect(page.status, path).toBe(200);
      expect(page.text, path).toContain('<div id="root"></div>');
    }
    // The API keeps its paths and its JSON answers, whatever the browser accepts.
    const task = await get('/tasks/tsk-123', { accept: 'text/html' });
    expect(task.status).toBe(401);
    expect(JSON.parse(task.text).error.code).toBe('UNAUTHENTICATED');
    const unknown = await get('/cycles/cyc-1/unknown');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).error.code).toBe('NOT_FOUND');
    expect((await get('/health')).text).toContain('"status":"ok"');
  });

  it('gives the app its configuration: the API on the same origin', async () => {
    const config = await get('/config.json');
    expect(config.status).toBe(200);
    expect(JSON.parse(config.text)).toEqual({ apiUrl: '' });
  });

  it('does not serve files outside the build, nor the build stamp', async () => {
    expect((await get('/../package.json')).text).not.toContain('romact-engine');
    expect((await get('/%2e%2e/package.json')).text).not.toContain('romact-engine');
    expect((await get('/.sources-hash')).status).toBe(404);
  });
});
