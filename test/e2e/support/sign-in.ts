import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { ServerProcess } from '../../support/server-process.ts';

/**
 * Talking to the real server process as a browser or the CLI does, for the sign-in tests: raw HTTP (so the
 * Set-Cookie headers arrive as sent), from a chosen loopback address (each test is its own client IP, so the
 * per-IP rate limit of one test does not reach another), and the codes read where a person would find them
 * locally: the outbox.
 */

/** An answer: status, headers (Set-Cookie as a list), and the JSON body. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  cookies: string[];
  body: any;
}

/** Options of a request. */
export interface Send {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The client's address: 127.0.0.x (every 127/8 address reaches the server on 127.0.0.1). */
  from?: string;
}

/** One HTTP request to the server. */
export function send(
  server: ServerProcess,
  method: string,
  path: string,
  options: Send = {},
): Promise<Answer> {
  const url = new URL(path, server.url);
  const text = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        ...(options.from ? { localAddress: options.from } : {}),
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(text === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            cookies: response.headers['set-cookie'] ?? [],
            body: raw && String(response.headers['content-type']).includes('json') ? JSON.parse(raw) : raw,
          });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(text);
  });
}

let nextHost = 10;
/** A loopback address no other test of this process uses: a client IP of its own. */
export const freshClientIp = () => `127.0.0.${nextHost++}`;

/** A message of the local outbox, as `GET /outbox` lists it. */
export interface OutboxMessage {
  messageId: string;
  channel: 'email' | 'sms';
  recipient: { address: string; locale: string; userId?: string };
  kinds: string[];
  subject?: string;
  text: string;
  createdAt: string;
}

/** The newest code sent to an address (a sign-in code or an invitation), read through `GET /outbox`. */
export async function latestCode(
  server: ServerProcess,
  adminToken: string,
  address: string,
): Promise<{ code: string; message: OutboxMessage }> {
  const page = await send(server, 'GET', `/outbox?recipient=${encodeURIComponent(address)}&limit=500`, {
    token: adminToken,
  });
  if (page.status !== 200)
    throw new Error(`GET /outbox answered ${page.status}: ${JSON.stringify(page.body)}`);
  return codeOf(page.body.items as OutboxMessage[], address);
}

/** The newest code sent to an address, read from the outbox's file in the data dir (what `npm start` writes). */
export function latestCodeFromFiles(server: ServerProcess, address: string) {
  const lines = readFileSync(join(server.dataDir, 'outbox', 'outbox.jsonl'), 'utf8')
    .trim()
    .split('\n');
  return codeOf(
    lines.map((line) => JSON.parse(line) as OutboxMessage),
    address,
  );
}

function codeOf(messages: OutboxMessage[], address: string) {
  const message = messages
    .filter((one) => one.recipient.address === address)
    .filter((one) => one.kinds.includes('sign-in') || one.kinds.includes('invitation'))
    .at(-1);
  const code = message ? /\b(\d{6})\b/.exec(message.text)?.[1] : undefined;
  if (!message || !code) throw new Error(`No code was sent to ${address}`);
  return { code, message };
}

/** The attributes of a Set-Cookie line, by lower-case name (`true` for a flag). */
export function cookieAttributes(line: string): {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
} {
  const [pair = '', ...rest] = line.split(';').map((part) => part.trim());
  const [name = '', ...value] = pair.split('=');
  return {
    name,
    value: value.join('='),
    attributes: Object.fromEntries(
      rest.map((part) => {
        const [key = '', ...text] = part.split('=');
        return [key.toLowerCase(), text.length ? text.join('=') : true];
      }),
    ),
  };
}

/**
 * Waits, if need be, until a fresh rate-limit window has at least `marginSeconds` left: the limits count in
 * fixed windows of the server's clock (the wall clock at scale 1), and a window ending mid-test would reset the
 * count under the test's feet.
 */
export async function awaitRoomInWindow(windowSeconds: number, marginSeconds = 10): Promise<void> {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < marginSeconds) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 250));
}
