import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '#infra/local/config.ts';
import { createHttpServer } from '#infra/local/http-server.ts';
import { localRoutes } from '#infra/local/local-routes.ts';
import { mintToken } from '#shared/adapters/local/tokens.ts';
import { testRuntime } from '../support/runtime.ts';

const secret = new Uint8Array(randomBytes(32));
let env: Awaited<ReturnType<typeof testRuntime>>;
let server: Server;
let base: string;
let coordinator: string;

async function listen(one: Server): Promise<string> {
  one.listen(0, '127.0.0.1');
  await once(one, 'listening');
  return `http://127.0.0.1:${(one.address() as AddressInfo).port}`;
}

async function close(one: Server) {
  one.closeAllConnections();
  await new Promise((resolve) => one.close(resolve));
}

beforeAll(async () => {
  env = await testRuntime();
  server = createHttpServer({
    secret,
    handlerFor: (route) => env.runtime.routeHandler(route),
    localRoutes: localRoutes(env.runtime, readConfig({})),
  });
  base = await listen(server);
  coordinator = await mintToken(secret, { role: 'coordinator', countries: 'BG' }, '1h');
});
afterAll(async () => {
  await close(server);
  await env.runtime.close();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('The local HTTP server: OPTIONS and HEAD', () => {
  it('answers OPTIONS with 204 and the methods of the route in Allow, without a token', async () => {
    const cycles = await fetch(`${base}/cycles`, { method: 'OPTIONS' });
    expect(cycles.status).toBe(204);
    expect(cycles.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);

    const complete = await fetch(`${base}/tasks/t-1/complete`, { method: 'OPTIONS' });
    expect(complete.headers.get('allow')?.split(', ').sort()).toEqual(['OPTIONS', 'POST']);

    const health = await fetch(`${base}/health`, { method: 'OPTIONS' });
    expect(health.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'OPTIONS']);
  });

  it('answers OPTIONS on an unknown path with 404', async () => {
    const response = await fetch(`${base}/no-such-thing`, { method: 'OPTIONS' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).error.code).toBe('NOT_FOUND');
  });

  it('answers HEAD like GET, with the same status and headers and no body', async () => {
    const get = await fetch(`${base}/cycles`, { headers: auth(coordinator) });
    const getBody = await get.text();
    const head = await fetch(`${base}/cycles`, { method: 'HEAD', headers: auth(coordinator) });

    expect(head.status).toBe(get.status);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(getBody)));
    expect(await head.text()).toBe('');

    const unauthenticated = await fetch(`${base}/cycles`, { method: 'HEAD' });
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.text()).toBe('');
    expect((await fetch(`${base}/health`, { method: 'HEAD' })).status).toBe(200);
  });

  it('names the allowed methods on a 405', async () => {
    const response = await fetch(`${base}/cycles`, { method: 'PATCH', headers: auth(coordinator) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
  });
});

describe('The local HTTP server: headers on every response', () => {
  it('sends Cache-Control: no-store and X-Content-Type-Options: nosniff on every kind of answer', async () => {
    const responses = await Promise.all([
      fetch(`${base}/cycles`, { headers: auth(coordinator) }), // 200 from an API handler
      fetch(`${base}/outbox`, { headers: auth(coordinator) }), // 200 from a local route
      fetch(`${base}/health`),
      fetch(`${base}/openapi.json`),
      fetch(`${base}/cycles`), // 401
      fetch(`${base}/nowhere`), // 404
      fetch(`${base}/cycles`, { method: 'PUT', headers: auth(coordinator) }), // 405
      fetch(`${base}/cycles`, {
        method: 'POST',
        headers: { ...auth(coordinator), 'content-type': 'application/json' },
        body: '{"municipalityId": 7}',
      }), // 400
      fetch(`${base}/cycles`, { method: 'OPTIONS' }), // 204
    ]);
    expect(responses.map((response) => response.status)).toEqual([
      200, 200, 200, 200, 401, 404, 405, 400, 204,
    ]);
    for (const response of responses) {
      expect(response.headers.get('cache-control'), response.url).toBe('no-store');
      expect(response.headers.get('x-content-type-options'), response.url).toBe('nosniff');
    }
  });
});

describe('The local HTTP server: tokens', () => {
  it('refuses a token that carries no exp, even when its signature is valid', async () => {
    const forever = await new SignJWT({ role: 'coordinator', countries: 'BG' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('romact-local')
      .setIssuedAt()
      .sign(secret);
    expect((await fetch(`${base}/cycles`, { headers: auth(forever) })).status).toBe(401);
    expect((await fetch(`${base}/cycles`, { headers: auth(coordinator) })).status).toBe(200);
  });
});

describe('The local HTTP server: slow clients', () => {
  it('bounds a request to 30 s by default instead of Node’s 300 s', () => {
    expect(server.requestTimeout).toBeGreaterThan(0);
    expect(server.requestTimeout).toBeLessThanOrEqual(30_000);
    expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
  });

  it('answers 408 and closes the connection when a body trickles in slower than the request timeout', async () => {
    const strict = createHttpServer({
      secret,
      handlerFor: (route) => env.runtime.routeHandler(route),
      timeouts: { headersMs: 300, requestMs: 600 },
    });
    const url = new URL(await listen(strict));
    try {
      const socket = connect(Number(url.port), url.hostname);
      await once(socket, 'connect');
      socket.write(
        [
          'POST /cycles HTTP/1.1',
          `Host: ${url.host}`,
          `Authorization: Bearer ${coordinator}`,
          'Content-Type: application/json',
          'Content-Length: 1000',
          '',
          '{',
        ].join('\r\n'),
      );
      // One byte every 50 ms: the body would take 50 s to arrive.
      const trickle = setInterval(() => {
        if (socket.writable) socket.write(' ');
      }, 50);
      let received = '';
      socket.on('data', (chunk) => {
        received += String(chunk);
      });
      const closed = once(socket, 'close');
      const gaveUp = new Promise((resolve) => setTimeout(resolve, 10_000, 'still open after 10 s'));
      const outcome = await Promise.race([closed.then(() => 'closed'), gaveUp]);
      clearInterval(trickle);
      socket.destroy();

      expect(outcome).toBe('closed');
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
      expect(received.toLowerCase()).toContain('cache-control: no-store');
      expect(received).toContain('"REQUEST_TIMEOUT"');
    } finally {
      await close(strict);
    }
  });
});
