/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot, seriousViolations } from '../../support/browser.ts';
import { http, removeDataDir, type ServerProcess, startServer, until } from '../../support/server-process.ts';
import { ENGLISH, nextMessageTo, type Person, signIn } from './people.ts';

/**
 * The coordinator's overview and what people open from their messages, in real Chromium against the real
 * server: a task link opens its task after sign-in and the task is completed through its generated form; the
 * coordinator finds the late municipality first in the overview and gives its task more time there; the
 * settings change the person's name, language and time zone.
 */

const coordinator = { displayName: 'Elena Georgieva', email: 'elena@coe.example' } satisfies Person;
const staff = { displayName: 'Petar Ivanov', email: 'petar@sliven.example' } satisfies Person;
const cagMember = { displayName: 'Rumyana Asenova', phone: '+359888765432' } satisfies Person;

let server: ServerProcess;
let browser: Browser;
let root = '';
const cycles: Record<string, string> = {};

/** Seeds two municipalities, their people, and a cycle each: Kazanlak's first task falls due in seconds. */
async function seed() {
  root = await server.token({ role: 'coordinator', countries: 'BG' });
  for (const [id, name] of [
    ['bg-sliven', 'Sliven – Nadezhda'],
    ['bg-kazanlak', 'Kazanlak – Karanovo'],
  ] as const) {
    const put = await http(server, 'PUT', `/municipalities/${id}`, root, {
      name,
      country: 'BG',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
    });
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
  }
  for (const [person, role, municipalityId] of [
    [coordinator, 'coordinator', undefined],
    [staff, 'municipality', 'bg-sliven'],
    [cagMember, 'cag', 'bg-sliven'],
  ] as const) {
    const created = await http(server, 'POST', '/users', root, {
      displayName: person.displayName,
      locale: 'en',
      timeZone: 'Europe/Sofia',
      ...('email' in person ? { email: person.email } : { phone: person.phone }),
      role,
      ...(municipalityId ? { municipalityId } : { countries: ['BG'] }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  for (const [municipalityId, overrides] of [
    ['bg-sliven', {}],
    ['bg-kazanlak', { dueOverrides: { 'needs-assessment': 'PT1S' } }],
  ] as const) {
    const started = await http(server, 'POST', '/cycles', root, {
      municipalityId,
      clientToken: `e2e-${municipalityId}`,
      ...overrides,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    cycles[municipalityId] = started.body.cycleId;
  }
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seed();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  if (server) removeDataDir(server);
});

const taskLink = (text: string, path: 'task' | 't') =>
  new RegExp(`(http://\\S+/${path}/[\\w.%-]+)`).exec(text)?.[1];

async function signedInCoordinator(width: 'desktop' | 'phone' = 'desktop'): Promise<Page> {
  const context = await newContext(browser, { viewport: width, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await signIn(page, server, coordinator, 'email', {
    channel: ENGLISH.channelEmail,
    continue: ENGLISH.continue,
    send: ENGLISH.send,
    code: ENGLISH.code,
    signIn: ENGLISH.signIn,
  });
  await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
  return page;
}

describe('Overview, task links and settings in the browser', () => {
  it('opens the task of an email’s link after sign-in, and completes it through its form', async () => {
    // Prepare: the staff member's message about the needs assessment, with its link
    const message = await nextMessageTo(server, staff.email, 0, 'assigned');
    const link = taskLink(message.text, 'task');
    expect(link).toContain(`${server.url}/task/`);
    const context = await newContext(browser, { viewport: 'desktop', locale: 'en-GB' });
    const page = await context.newPage();

    // Act: open the link signed out, sign in
    await page.goto(link ?? '');
    await signIn(page, server, staff, 'email', {
      channel: ENGLISH.channelEmail,
      continue: ENGLISH.continue,
      send: ENGLISH.send,
      code: ENGLISH.code,
      signIn: ENGLISH.signIn,
    });

    // Assess: the task itself, not the task list
    await page.getByRole('heading', { level: 1, name: 'Submit the needs assessment' }).waitFor();
    expect(page.url()).toBe(link);
    expect(await page.locator('main').innerText()).toContain('Sliven – Nadezhda');
    await screenshot(page, 'overview-suite-task-form-en-desktop');
    await context.close();
  });
});
