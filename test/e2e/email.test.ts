import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../integration/support/smtp.ts';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.ts';
import { latestCode, send } from './support/sign-in.ts';

/** `npm start` with ROMACT_SMTP_URL: sign-in codes and notices arrive by real email, and stay in the outbox. */

let smtp: TestSmtpServer;
let server: ServerProcess;
let admin: string;

beforeAll(async () => {
  smtp = await startSmtpServer({ user: 'mailer', pass: 'pa55-w0rd' });
  server = await startServer({
    env: { ROMACT_SMTP_URL: smtp.url, ROMACT_SMTP_FROM: 'ROMACT Sofia <no-reply@romact.example>' },
  });
  admin = await server.token({ role: 'coordinator', countries: 'BG' });
  const body = { name: 'Sliven – Nadezhda', country: 'BG', locale: 'bg', timeZone: 'Europe/Sofia' };
  expect((await send(server, 'PUT', '/municipalities/bg-mail', { token: admin, body })).status).toBe(200);
});
afterAll(async () => {
  await server?.kill('SIGTERM');
  if (server) removeDataDir(server);
  await smtp?.close();
});

describe('Real email from the server process (ROMACT_SMTP_URL)', () => {
  it('says so in the banner, without the SMTP credentials', () => {
    expect(server.output()).toContain(`email:      also sent through smtp://127.0.0.1:${smtp.port}`);
    expect(server.output()).not.toContain('pa55-w0rd');
  });

  it('emails the sign-in code, which signs the person in; SMS codes stay in the outbox', async () => {
    const address = 'staff@sliven.example';
    const created = await send(server, 'POST', '/users', {
      token: admin,
      body: {
        displayName: 'Staff Member',
        role: 'municipality',
        municipalityId: 'bg-mail',
        email: address,
        phone: '+359888600001',
        locale: 'bg',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    expect((await send(server, 'POST', '/auth/start', { body: { channel: 'email', address } })).status).toBe(
      202,
    );
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
    const [{ to, user, mail }] = smtp.received as [(typeof smtp.received)[number]];
    expect(to).toEqual([address]);
    expect(user).toBe('mailer');
    expect(mail.from?.value[0]?.address).toBe('no-reply@romact.example');
    expect(mail.subject).toBe('Вашият код за вход в ROMACT');
    const code = /\b(\d{6})\b/.exec(mail.text ?? '')?.[1] as string;
    // The outbox has the same code: a local operator can still read it there.
    expect((await latestCode(server, admin, address)).code).toBe(code);
    const signedIn = await send(server, 'POST', '/auth/verify', {
      body: { channel: 'email', address, code },
    });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);

    // A cycle opens the staff's task: the notice goes by email and by SMS; only the email reaches SMTP.
    const cycle = await send(server, 'POST', '/cycles', {
      token: admin,
      body: { municipalityId: 'bg-mail', clientToken: 'mail-cycle' },
    });
    expect(cycle.status).toBe(201);
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(2);
    const notice = smtp.received[1]?.mail;
    expect(notice?.subject).toBe('ROMACT · Sliven – Nadezhda');
    expect(notice?.text).toContain('Нова задача');
    expect(notice?.text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/task\/cyc-/);
    const outbox = await send(server, 'GET', '/outbox?recipient=%2B359888600001', { token: admin });
    expect(
      outbox.body.items.map((item: { channel: string; kinds: string[] }) => [item.channel, item.kinds]),
    ).toEqual([['sms', ['assigned']]]);
    expect(smtp.received.flatMap((received) => received.to)).not.toContain('+359888600001');
  });
});
