/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot, seriousViolations } from '../../support/browser.ts';
import { http, removeDataDir, type ServerProcess, startServer } from '../../support/server-process.ts';
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

const ENGLISH_LABELS = {
  channel: ENGLISH.channelEmail,
  continue: ENGLISH.continue,
  send: ENGLISH.send,
  code: ENGLISH.code,
  signIn: ENGLISH.signIn,
};

/** Whether the page fits its viewport's width (nothing to scroll sideways on a phone). */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** A day `days` from today as a date input takes it (YYYY-MM-DD). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let coordinatorPage: Page;

describe('Overview, task links and settings in the browser', () => {
  it('opens the task of an email’s link after sign-in, shows a missing answer on its field, and completes it through its form', async () => {
    // Prepare: the staff member's message about the needs assessment, with its link
    const message = await nextMessageTo(server, staff.email, 0, 'assigned');
    const link = taskLink(message.text, 'task');
    expect(link).toContain(`${server.url}/task/`);
    const context = await newContext(browser, { viewport: 'desktop', locale: 'en-GB' });
    const page = await context.newPage();

    // Act: open the link signed out, sign in
    await page.goto(link ?? '');
    await page.waitForURL(/\/sign-in/);
    await signIn(page, server, staff, 'email', ENGLISH_LABELS);

    // Assess: the task itself, not the task list, with its municipality's name
    await page.getByRole('heading', { level: 1, name: 'Submit the needs assessment' }).waitFor();
    expect(page.url()).toBe(link);
    expect(await page.locator('main').innerText()).toContain('Sliven – Nadezhda');
    expect(await seriousViolations(page)).toEqual([]);

    // Act: send it with the summary missing
    await page.getByLabel('Policy area').selectOption({ index: 1 });
    await page.getByLabel('What is needed').fill('Legalise and repair homes');
    await page.getByLabel('Neighbourhood', { exact: true }).fill('Nadezhda');
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    // Assess: the error is listed at the top and shown on the summary field, and nothing was sent
    await page
      .getByRole('alert')
      .getByRole('link', { name: /Summary/ })
      .waitFor();
    const summaryField = page
      .locator('.field--error')
      .filter({ has: page.getByLabel('Summary', { exact: true }) });
    expect(await summaryField.innerText()).toContain('Enter an answer');
    await screenshot(page, 'task-form-error-en-desktop');
    const before = await http(
      server,
      'GET',
      `/tasks/${encodeURIComponent(link?.split('/task/')[1] ?? '')}`,
      root,
    );
    expect(before.body.status).toBe('OPEN');

    // Act: complete the answer and send
    await page.getByLabel('Summary').fill('Housing and documents come first.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    // Assess: thanked, told what happens next, and the task is done on the server
    await page.getByText('Thank you, your answers have been sent').waitFor();
    await page.getByRole('heading', { name: 'What happens next' }).waitFor();
    const after = await http(
      server,
      'GET',
      `/tasks/${encodeURIComponent(link?.split('/task/')[1] ?? '')}`,
      root,
    );
    expect(after.body.status).toBe('COMPLETED');
    expect(after.body.result).toMatchObject({ neighbourhoods: ['Nadezhda'] });
    await screenshot(page, 'task-form-done-en-desktop');
    await context.close();
  }, 90_000);

  it('opens the task of a text message’s short link after sign-in by SMS, on a 360 px phone', async () => {
    // Prepare: the consultation opened for the CAG once the assessment was in; its SMS carries a short link
    const message = await nextMessageTo(server, cagMember.phone, 0, 'assigned');
    const link = taskLink(message.text, 't');
    expect(link).toMatch(new RegExp(`^${server.url}/t/\\w+$`));
    const context = await newContext(browser, { viewport: 'phone', locale: 'en-GB' });
    const page = await context.newPage();

    // Act
    await page.goto(link ?? '');
    await page.waitForURL(/\/sign-in/);
    await signIn(page, server, cagMember, 'sms', { ...ENGLISH_LABELS, channel: ENGLISH.channelSms });

    // Assess: the consultation's page, fitting the phone
    await page.getByRole('heading', { level: 1, name: 'Record the community consultation' }).waitFor();
    expect(page.url()).toMatch(/\/task\/cyc-[^/]+\.community-consultation\.r0$/);
    expect(await fitsWidth(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'task-consultation-en-phone');
    await context.close();
  }, 90_000);

  it('shows the coordinator the late municipality first in the overview, and gives its task more time there', async () => {
    // Prepare
    const context = await newContext(browser, { viewport: 'desktop', locale: 'en-GB' });
    coordinatorPage = await context.newPage();
    const page = coordinatorPage;
    await page.goto(`${server.url}/`);
    await signIn(page, server, coordinator, 'email', ENGLISH_LABELS);
    await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();

    // Act: open the overview
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();

    // Assess: Kazanlak, whose task is late, comes first, with its late count; Sliven after it
    const rows = page.locator('table tbody tr');
    await rows.first().waitFor();
    expect(await rows.first().innerText()).toMatch(/Kazanlak – Karanovo[\s\S]*1 late/);
    expect(await rows.nth(1).innerText()).toContain('Sliven – Nadezhda');
    await page.getByRole('img', { name: /^Kazanlak – Karanovo: Needs assessment \(late\)/i }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'overview-en-desktop');

    // Act: give the late task a month more, with a reason
    const late = page.getByRole('listitem').filter({ hasText: 'Kazanlak – Karanovo' }).first();
    await late.getByText('Give more time for this task').click();
    await late.getByLabel('New deadline').fill(dayFromNow(30));
    await late.getByLabel('Why is more time needed?').fill('The council meets next month');
    await late.getByRole('button', { name: 'Give more time', exact: true }).click();

    // Assess: confirmed; the task is no longer overdue on the server, and the overview has nothing late
    await page.getByRole('status').getByText('The deadline has moved').waitFor();
    const tasks = await http(server, 'GET', '/tasks?scope=portfolio&municipalityId=bg-kazanlak', root);
    expect(tasks.body.items).toEqual([
      expect.objectContaining({ taskKey: 'needs-assessment', overdue: false, extensions: 1 }),
    ]);
    await expect.poll(async () => (await rows.first().innerText()).includes('late')).toBe(false);

    // Assess: the same page on a phone
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await rows.first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'overview-en-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 90_000);

  it('has no serious or critical axe violation on the overview in any language, at 360 and 1280 px', async () => {
    const page = coordinatorPage;
    const found: Record<string, unknown> = {};
    for (const locale of ['en', 'bg', 'hu', 'it', 'ro', 'sk']) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/overview`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('#language').selectOption(locale);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      for (const [width, name] of [
        [1280, 'desktop'],
        [360, 'phone'],
      ] as const) {
        await page.setViewportSize({ width, height: name === 'phone' ? 740 : 900 });
        await page.locator('table tbody tr').first().waitFor();
        const violations = await seriousViolations(page);
        if (violations.length) found[`${locale} ${name}`] = violations;
        expect(await fitsWidth(page), `${locale} ${name}`).toBe(true);
        if (locale === 'bg') await screenshot(page, `overview-bg-${name}`);
      }
    }
    expect(found).toEqual({});
    await page.locator('#language').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 180_000);

  it('changes the person’s name, language and time zone in the settings', async () => {
    const page = coordinatorPage;
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

    // Act
    await page.getByLabel('Your name').fill('Elena G. Georgieva');
    await page.getByLabel('Language for pages and messages').selectOption('bg');
    await page.getByLabel('Your time zone').selectOption('Europe/Bucharest');
    await page.getByRole('button', { name: 'Save these details' }).click();

    // Assess: the app speaks Bulgarian at once, and the profile holds the changes after a reload
    await page.getByRole('heading', { level: 1, name: 'Настройки' }).waitFor();
    await page.getByText('Настройките ви са запазени').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Настройки' }).waitFor();
    expect(await page.getByLabel('Вашето име').inputValue()).toBe('Elena G. Georgieva');
    expect(await page.getByLabel('Вашата часова зона').inputValue()).toBe('Europe/Bucharest');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('bg');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'settings-bg-desktop');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'settings-bg-phone');
  }, 60_000);
});
