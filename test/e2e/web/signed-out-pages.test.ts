/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  newContext,
  screenshot,
  seriousViolations,
  type VIEWPORTS,
} from '../../support/browser.ts';
import { removeDataDir, type ServerProcess, startServer } from '../../support/server-process.ts';

/**
 * The pages anyone sees before signing in, in real Chromium against the real server: every locale at a
 * phone's and a laptop's width, checked by axe-core, with screenshots under test-results/screenshots/.
 */

const LOCALES = ['en', 'bg', 'hu', 'it', 'ro', 'sk'] as const;
const QUESTION: Record<(typeof LOCALES)[number], RegExp> = {
  en: /How do you want to get your sign-in code\?/,
  bg: /Как искате да получите кода си за вход\?/,
  hu: /Hogyan szeretné megkapni a belépési kódot\?/,
  it: /Come vuoi ricevere il codice di accesso\?/,
  ro: /Cum doriți să primiți codul de conectare\?/,
  sk: /Ako chcete dostať prihlasovací kód\?/,
};

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  if (server) removeDataDir(server);
});

async function open(locale: string, viewport: keyof typeof VIEWPORTS, path = '/') {
  // The browser's own language chooses the app's first language, as for a first-time visitor.
  const context = await newContext(browser, { viewport, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      errors.push(message.text());
  });
  await page.goto(`${server.url}${path}`);
  return { page, errors, close: () => context.close() };
}

async function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('Web app before sign-in', () => {
  it.each(LOCALES)(
    'shows the sign-in questions and the error summary in %s, with no serious axe violation, at 360 and 1280 px',
    async (locale) => {
      for (const viewport of ['phone', 'desktop'] as const) {
        // Prepare
        const { page, errors, close } = await open(locale, viewport);
        // Act + Assess: a signed-out visitor lands on the first question.
        await expect.poll(() => page.url()).toContain('/sign-in');
        await page.getByRole('heading', { level: 1, name: QUESTION[locale] }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        expect(await seriousViolations(page)).toEqual([]);
        expect(await fitsWidth(page)).toBe(true);
        await screenshot(page, `sign-in-channel-${locale}-${viewport}`);

        await page.getByRole('button').filter({ hasNotText: /^$/ }).last().click();
        const summary = page.getByRole('alert');
        await summary.waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `sign-in-channel-error-${locale}-${viewport}`);

        await page.getByRole('radio').first().check();
        await page.getByRole('button').last().click();
        await page.getByRole('textbox').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        expect(await fitsWidth(page)).toBe(true);
        await screenshot(page, `sign-in-address-${locale}-${viewport}`);
        expect(errors).toEqual([]);
        await close();
      }
    },
    120_000,
  );

  it('works with the keyboard alone: skip link, choose a channel, errors that take focus', async () => {
    const { page, close } = await open('en', 'phone');
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Submitting with nothing chosen focuses the error summary; its link focuses the question.
    await page.getByRole('button', { name: 'Continue' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('channel');
    // Arrow keys choose within the radio group, Enter submits.
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'By text message (SMS)' }).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'What is your mobile phone number?' }).waitFor();
    // After a client-side navigation focus is on the new page's heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('address');
    await page.keyboard.type('12345');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(
      'Enter a mobile number with the country code, like +359 88 812 3456',
    );
    expect(await page.getByLabel('What is your mobile phone number?').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await page.title()).toBe('Error: What is your mobile phone number? – ROMACT');
    await close();
  });

  it('remembers the language chosen on this device and keeps the address out of the URL', async () => {
    const { page, close } = await open('en', 'desktop');
    await page.getByLabel('Language').selectOption('ro');
    await page.getByRole('heading', { level: 1, name: QUESTION.ro }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: QUESTION.ro }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ro');
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Continuați' }).click();
    await page.getByRole('textbox').fill('maria@example.org');
    expect(page.url()).not.toContain('maria');
    await close();
  });

  it('shows a plain "page not found" for an unknown address, with no serious axe violation', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, close } = await open('en', viewport, '/no-such-page');
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, `not-found-en-${viewport}`);
      await close();
    }
  });
});
