/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot, seriousViolations } from '../../support/browser.ts';
import { http, removeDataDir, type ServerProcess, startServer, until } from '../../support/server-process.ts';
import {
  BULGARIAN,
  codeIn,
  ENGLISH,
  nextMessageTo,
  outboxSize,
  type Person,
  seedProgramme,
  signIn,
} from './people.ts';

/**
 * People's journeys in real Chromium against the real server (`npm start`'s process on a temporary data dir):
 * sign-in by a code from the outbox, invitations, starting a cycle, the cycle's page, settings, and every
 * signed-in page checked by axe in every language. Each test continues from the one before, as the people do.
 */

const coordinator = { displayName: 'Ivan Petrov', email: 'ivan.petrov@coe.example' } satisfies Person;
const staff = { displayName: 'Maria Petrova', email: 'maria@sliven.example' } satisfies Person;
const cagMember = { displayName: 'Asen Mihaylov', phone: '+359888123456' } satisfies Person;

let server: ServerProcess;
let browser: Browser;
let coordinatorContext: BrowserContext;
let coordinatorPage: Page;
let cycleUrl = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedProgramme(server, coordinator);
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  if (server) removeDataDir(server);
});

const signInLabels = (words: typeof ENGLISH, channel: 'email' | 'sms') => ({
  channel: channel === 'email' ? words.channelEmail : words.channelSms,
  continue: words.continue,
  send: words.send,
  code: words.code,
  signIn: words.signIn,
});

describe('Web app journeys', () => {
  it('a coordinator signs in by email in Bulgarian, invites staff and a CAG member, and starts a cycle', async () => {
    // Prepare: a laptop whose browser speaks Bulgarian
    coordinatorContext = await newContext(browser, { viewport: 'desktop', locale: 'bg-BG' });
    coordinatorPage = await coordinatorContext.newPage();
    const page = coordinatorPage;
    await page.goto(`${server.url}/`);

    // Act: sign in with the code from the email
    await signIn(page, server, coordinator, 'email', signInLabels(BULGARIAN, 'email'));
    await page.getByRole('heading', { level: 1, name: 'Моите задачи' }).waitFor();
    expect(await page.locator('header').innerText()).toContain('Фасилитатор на програмата · BG');
    // The access token lives in memory only; the refresh token in an HttpOnly cookie scoped to /auth.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toMatch(/eyJ/);
    const [cookie] = await coordinatorContext.cookies();
    expect(cookie).toMatchObject({
      name: 'romact_refresh',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/auth',
    });
    await screenshot(page, 'journey-coordinator-inbox-bg-desktop');

    // Act: invite the municipality's staff member and a CAG member
    await page.getByRole('link', { name: 'Членове' }).click();
    await page.getByLabel('Коя община?').fill('bg-sliven');
    await page.getByRole('button', { name: 'Продължете' }).click();
    await page.getByRole('heading', { level: 1, name: 'Членове' }).waitFor();
    await page.getByRole('radio', { name: 'Служител на общината' }).check();
    await page.getByLabel('Име', { exact: true }).fill(staff.displayName);
    await page.getByRole('radio', { name: 'По имейл' }).check();
    await page.getByLabel('Неговият имейл адрес').fill(staff.email);
    await page.getByRole('button', { name: 'Изпратете поканата' }).click();
    await page.getByText('Поканата е изпратена').waitFor();
    await page.getByRole('radio', { name: 'Член на Инициативната група на общността' }).check();
    await page.getByLabel('Име', { exact: true }).fill(cagMember.displayName);
    await page.getByRole('radio', { name: /С текстово съобщение/ }).check();
    await page.getByLabel('Номерът на мобилния му телефон').fill('+359 88 812 3456');
    await page.getByRole('button', { name: 'Изпратете поканата' }).click();
    await page.getByRole('cell', { name: cagMember.displayName }).waitFor();
    await page.getByRole('cell', { name: staff.displayName }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'journey-members-bg-desktop');

    // Act: start the cycle
    await page.getByRole('link', { name: 'Нов цикъл' }).click();
    await page.getByLabel('Коя община?').fill('bg-sliven');
    await page.getByRole('button', { name: 'Започнете цикъла' }).click();

    // Assess: the cycle's page, its first phase running, the history naming the coordinator
    await page.getByRole('heading', { level: 1, name: /Цикъл на планиране на Sliven – Nadezhda/ }).waitFor();
    cycleUrl = page.url();
    expect(cycleUrl).toMatch(/\/cycle\/cyc-/);
    await page
      .getByText(`Цикълът започна – ${coordinator.displayName} (Фасилитатор на програмата)`)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'journey-cycle-bg-desktop');
  });

  it('the staff member opens the link in the invitation, signs in, and finds the needs assessment in My tasks', async () => {
    // Prepare: the invitation in the outbox names the web app and carries a code
    const invitation = await nextMessageTo(server, staff.email, 0, 'invitation');
    const link = /(http:\/\/\S+\/)/.exec(invitation.text)?.[1];
    expect(link).toBe(`${server.url}/`);
    const context = await newContext(browser, { viewport: 'desktop', locale: 'en-GB' });
    const page = await context.newPage();

    // Act: open the link and sign in with the invitation's own code
    await page.goto(link ?? '');
    await page.getByRole('radio', { name: ENGLISH.channelEmail }).check();
    await page.getByRole('button', { name: ENGLISH.continue }).click();
    await page.getByRole('textbox').fill(staff.email);
    // Asking for a code replaces the invitation's: the person uses the newest message.
    const before = outboxSize(server);
    await page.getByRole('button', { name: ENGLISH.send }).click();
    const message = await nextMessageTo(server, staff.email, before, 'sign-in');
    await page.getByLabel(ENGLISH.code).fill(codeIn(message.text));
    await page.getByRole('button', { name: ENGLISH.signIn }).click();

    // Assess: she was invited in Bulgarian, so the app now speaks Bulgarian to her, whatever the browser says;
    // the task the cycle gave the municipality shows its municipality and its deadline in her time zone.
    await page.getByRole('heading', { level: 1, name: 'Моите задачи' }).waitFor();
    const task = page.getByRole('listitem').filter({ hasText: 'Подайте оценката на нуждите' });
    await task.waitFor();
    expect(await task.innerText()).toMatch(/Община\s*Sliven – Nadezhda/);
    expect(await task.innerText()).toMatch(/Срок: \d{1,2} \S+ \d{4} г\./);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'journey-staff-inbox-bg-desktop');
    await task.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Подайте оценката на нуждите' }).waitFor();
    expect(page.url()).toMatch(/\/task\/cyc-[^/]+$/);
    expect(page.url()).not.toContain('maria');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'journey-task-bg-desktop');
    await context.close();
  });

  it('the CAG member signs in by SMS on a 360 px phone, in Bulgarian, with the keyboard alone', async () => {
    const context = await newContext(browser, { viewport: 'phone', locale: 'bg-BG' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const tab = (times = 1) =>
      Array.from({ length: times }).reduce<Promise<void>>(
        (done) => done.then(() => page.keyboard.press('Tab')),
        Promise.resolve(),
      );
    // Skip link, then the channel question: arrow to SMS, Enter to go on.
    await tab();
    await page.keyboard.press('Enter');
    await tab();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Какъв е номерът на мобилния ви телефон?' }).waitFor();
    await tab();
    const before = outboxSize(server);
    await page.keyboard.type('+359 88 812 3456');
    await page.keyboard.press('Enter');
    const message = await nextMessageTo(server, cagMember.phone, before, 'sign-in');
    await page.getByRole('heading', { level: 1, name: BULGARIAN.code }).waitFor();
    await tab();
    await page.keyboard.type(codeIn(message.text));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Моите задачи' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Nothing to do yet: the consultation opens once the needs assessment is in.
    await page.getByText('В момента нямате какво да правите').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'journey-cag-inbox-bg-phone');
    await context.close();
  });

  it('remembers the language per person: changed on one device, it follows them to the next sign-in', async () => {
    const page = coordinatorPage;
    await page.goto(`${server.url}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Настройки' }).waitFor();
    await page.getByLabel('Език', { exact: true }).selectOption('ro');
    await page.getByRole('heading', { level: 1, name: 'Setări' }).waitFor();
    await until(async () => {
      const me = await http(server, 'POST', '/auth/start', undefined, {});
      return me.status !== 0;
    });
    // A new device, whose browser speaks English: after sign-in the app speaks the person's Romanian.
    const context = await newContext(browser, { viewport: 'desktop', locale: 'en-GB' });
    const other = await context.newPage();
    await other.goto(`${server.url}/`);
    await signIn(other, server, coordinator, 'email', signInLabels(ENGLISH, 'email'));
    await other.getByRole('heading', { level: 1, name: 'Sarcinile mele' }).waitFor();
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('ro');
    await context.close();
  });

  it('shows the personal calendar link with copy and a new link on request; saves channels and quiet hours', async () => {
    const page = coordinatorPage;
    await page.getByLabel('Limba', { exact: true }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const link = page.getByLabel('Your personal calendar link');
    const first = await link.inputValue();
    expect(first).toMatch(new RegExp(`^${server.url}/calendar/[\\w-]+\\.ics$`));
    const feed = await fetch(first);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await page.getByRole('button', { name: 'Make a new link' }).click();
    await page.getByRole('button', { name: 'Yes, make a new link' }).click();
    await expect.poll(() => link.inputValue()).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    await page.getByLabel('Do not send messages at night').check();
    await page.getByLabel('From').fill('22:00');
    await page.getByLabel('Until').fill('07:30');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Your settings are saved').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getByLabel('From').inputValue()).toBe('22:00');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'journey-settings-en-desktop');
  });

  it('has no serious or critical axe violation on any signed-in page, in any language, at 360 and 1280 px', async () => {
    const page = coordinatorPage;
    const pages = [
      '/',
      cycleUrl.replace(server.url, ''),
      '/members/bg-sliven',
      '/start-cycle',
      '/messages',
      '/settings',
    ];
    const found: Record<string, unknown> = {};
    for (const locale of ['en', 'bg', 'hu', 'it', 'ro', 'sk']) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}/settings`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/settings');
      await page.locator('#language').selectOption(locale);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      for (const [width, name] of [
        [1280, 'desktop'],
        [360, 'phone'],
      ] as const) {
        await page.setViewportSize({ width, height: name === 'phone' ? 740 : 900 });
        for (const path of pages) {
          await page.goto(`${server.url}${path}`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await page.waitForLoadState('networkidle');
          // Still signed in, on the page asked for (not sent to sign-in): the check must be of that page.
          expect(new URL(page.url()).pathname, `${locale} ${name} ${path}`).toBe(path);
          const violations = await seriousViolations(page);
          if (violations.length) found[`${locale} ${name} ${path}`] = violations;
          if (locale === 'en' || locale === 'bg') {
            await screenshot(page, `page-${path.split('/')[1] || 'inbox'}-${locale}-${name}`);
          }
        }
      }
    }
    expect(found).toEqual({});
  }, 600_000); // 72 pages checked by axe: about 5 minutes alone, more on a shared machine
});
