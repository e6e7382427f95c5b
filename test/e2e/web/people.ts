import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { http, type ServerProcess, until } from '../../support/server-process.ts';

/**
 * What the browser journeys need from the world around the app, done the way people do it: the first
 * coordinator is created with a locally minted coordinator token (as the README documents), and sign-in codes
 * are read from the server's outbox, where the local server delivers email and SMS.
 */

export interface Person {
  displayName: string;
  email?: string;
  phone?: string;
}

/** Sets up a municipality and its first coordinator, as an operator does on a new deployment. */
export async function seedProgramme(server: ServerProcess, coordinator: Person & { email: string }) {
  const root = await server.token({ role: 'coordinator', countries: 'BG' });
  const municipality = await http(server, 'PUT', '/municipalities/bg-sliven', root, {
    name: 'Sliven – Nadezhda',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
  });
  if (municipality.status >= 300) throw new Error(`municipality: ${JSON.stringify(municipality.body)}`);
  const created = await http(server, 'POST', '/users', root, {
    displayName: coordinator.displayName,
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    email: coordinator.email,
    role: 'coordinator',
    countries: ['BG'],
  });
  if (created.status !== 201) throw new Error(`coordinator: ${JSON.stringify(created.body)}`);
}

interface OutboxMessage {
  messageId: string;
  kinds?: string[];
  recipient: { address: string };
  text: string;
  createdAt: string;
}

function outbox(server: ServerProcess): OutboxMessage[] {
  try {
    return readFileSync(join(server.dataDir, 'outbox', 'outbox.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as OutboxMessage);
  } catch {
    return [];
  }
}

/**
 * The newest message to an address after `after` messages in all, once it has arrived; of one kind when given
 * (`sign-in`, `invitation`), since task notices reach the same people.
 */
export async function nextMessageTo(server: ServerProcess, address: string, after: number, kind?: string) {
  return until(async () =>
    outbox(server)
      .slice(after)
      .filter((message) => message.recipient.address === address && (!kind || message.kinds?.includes(kind)))
      .at(-1),
  );
}

/** How many messages the outbox holds now (to wait for the next one). */
export const outboxSize = (server: ServerProcess) => outbox(server).length;

/** The 6-digit code in a message. */
export function codeIn(text: string): string {
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error('no code in the message');
  return code;
}

/**
 * Signs in through the pages, as a person does: the channel, the address, then the code from the message.
 * `labels` are the page's words in the language it shows.
 */
export async function signIn(
  page: Page,
  server: ServerProcess,
  person: Person,
  channel: 'email' | 'sms',
  labels: { channel: RegExp; continue: RegExp; send: RegExp; code: RegExp; signIn: RegExp },
) {
  const address = channel === 'email' ? person.email : person.phone;
  if (!address) throw new Error('no address for this channel');
  await page.getByRole('radio', { name: labels.channel }).check();
  await page.getByRole('button', { name: labels.continue }).click();
  const before = outboxSize(server);
  await page.getByRole('textbox').fill(address);
  await page.getByRole('button', { name: labels.send }).click();
  const message = await nextMessageTo(server, address, before, 'sign-in');
  await page.getByLabel(labels.code).fill(codeIn(message.text));
  await page.getByRole('button', { name: labels.signIn }).click();
}

export const ENGLISH = {
  channelEmail: /^By email$/,
  channelSms: /^By text message/,
  continue: /^Continue$/,
  send: /^Send me a code$/,
  code: /^Enter the 6-digit code$/,
  signIn: /^Sign in$/,
};

export const BULGARIAN = {
  channelEmail: /^По имейл$/,
  channelSms: /^С текстово съобщение/,
  continue: /^Продължете$/,
  send: /^Изпратете ми код$/,
  code: /^Въведете кода от 6 цифри$/,
  signIn: /^Вход$/,
};
