/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newContext, screenshot, seriousViolations } from '../../support/browser.ts';
import { http, removeDataDir, type ServerProcess, startServer, until } from '../../support/server-process.ts';
import { ENGLISH, nextMessageTo, outboxSize, type Person, seedProgramme, signIn } from './people.ts';

/**
 * Evidence and transparency in real Chromium against the real server: staff attach a file to their task and
 * discuss it with the CAG (a mention reaches the member by SMS), then publish the municipality's public page
 * with the CAG, which reads without JavaScript, passes axe and names nobody.
 */

const coordinator = { displayName: 'Ivan Petrov', email: 'ivan.petrov@coe.example' } satisfies Person;
const staff = { displayName: 'Maria Petrova', email: 'maria@sliven.example' } satisfies Person;
const cagMember = { displayName: 'Asen Mihaylov', phone: '+359888123456' } satisfies Person;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF\n');

let server: ServerProcess;
let browser: Browser;
let root: string;
let taskId: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await seedProgramme(server, coordinator);
  root = await server.token({ role: 'coordinator', countries: 'BG' });
  for (const [person, role] of [
    [staff, 'municipality'],
    [cagMember, 'cag'],
  ] as const) {
    const created = await http(server, 'POST', '/users', root, {
      displayName: person.displayName,
      locale: 'en',
      role,
      municipalityId: 'bg-sliven',
      ...('email' in person ? { email: person.email } : { phone: person.phone }),
    });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  }
  await http(server, 'POST', '/cycles', root, { municipalityId: 'bg-sliven' });
  const municipality = await server.token({ role: 'municipality', municipality: 'bg-sliven' });
  taskId = await until(
    async () =>
      ((await http(server, 'GET', '/tasks', municipality)).body as { items?: { taskId: string }[] })
        .items?.[0]?.taskId,
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.kill('SIGTERM');
  if (server) removeDataDir(server);
});

describe('Evidence and the public page in the web app', () => {
  it('staff attach a PDF to their task and mention a CAG member in a comment, who is told by SMS', async () => {
    const context = await newContext(browser, { viewport: 'phone' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await signIn(page, server, staff, 'email', {
      channel: ENGLISH.channelEmail,
      continue: ENGLISH.continue,
      send: ENGLISH.send,
      code: ENGLISH.code,
      signIn: ENGLISH.signIn,
    });
    await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
    await page.getByRole('link', { name: /Submit the needs assessment/ }).click();
    await page.waitForURL(`**/task/${taskId}`);
    await page.getByRole('heading', { name: 'Files' }).waitFor();

    await page
      .getByLabel('Add a file')
      .setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Upload the file' }).click();
    await page.getByRole('status').filter({ hasText: 'minutes.pdf was added.' }).waitFor();
    await page.getByRole('button', { name: 'minutes.pdf', exact: true }).waitFor();

    await page.getByLabel('Add a comment').fill('Asen, can the CAG check these minutes?');
    await page.getByRole('checkbox', { name: /Asen Mihaylov/ }).check();
    const before = outboxSize(server);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByText('Asen, can the CAG check these minutes?').waitFor();
    const told = await nextMessageTo(server, cagMember.phone, before, 'mentioned');
    expect(told.text).toContain('Maria Petrova mentioned you');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'evidence-task-files-comments-phone');
    await context.close();
  }, 90_000);

  it('staff and the CAG publish the public page, which reads without JavaScript, passes axe and names nobody', async () => {
    const context = await newContext(browser, { viewport: 'desktop' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await signIn(page, server, staff, 'email', {
      channel: ENGLISH.channelEmail,
      continue: ENGLISH.continue,
      send: ENGLISH.send,
      code: ENGLISH.code,
      signIn: ENGLISH.signIn,
    });
    await page.getByRole('link', { name: 'Public page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Public page' }).waitFor();
    await page.getByRole('button', { name: 'We agree to publish the page' }).click();
    await page.getByRole('button', { name: /Take the page down/ }).waitFor();
    await page.getByText('The public page is not published.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The CAG agrees too (its side through the API here; its members use the same page).
    const cag = await server.token({ role: 'cag', municipality: 'bg-sliven' });
    const agreed = await http(server, 'PUT', '/municipalities/bg-sliven/publication/consent', cag, {
      genderBalance: { women: 6, men: 4, otherOrUndisclosed: 0 },
    });
    expect(agreed.body).toMatchObject({ published: true });
    await page.reload();
    await page.getByText('The public page is published.').waitFor();

    const reader = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
    const publicPage = await reader.newPage();
    const response = await publicPage.goto(`${server.url}/p/bg-sliven`);
    expect(response?.status()).toBe(200);
    await publicPage.getByRole('heading', { level: 1, name: /Sliven – Nadezhda/ }).waitFor();
    const text = await publicPage.locator('body').innerText();
    // In the municipality's language by default; the group in numbers.
    expect(text).toMatch(/Жени\s*6/);
    for (const personal of [
      staff.displayName,
      staff.email,
      cagMember.displayName,
      cagMember.phone,
      coordinator.displayName,
    ])
      expect(text).not.toContain(personal);
    await reader.close();

    const checked = await browser.newContext({ locale: 'en-GB' });
    const checkedPage = await checked.newPage();
    await checkedPage.goto(`${server.url}/p/bg-sliven?lang=en`);
    await checkedPage.getByRole('heading', { name: 'The Community Action Group' }).waitFor();
    expect(await seriousViolations(checkedPage)).toEqual([]);
    await screenshot(checkedPage, 'evidence-public-page-en-desktop');
    await checked.close();

    // Either side withdraws: the page is gone at once.
    await page.getByRole('button', { name: /Take the page down/ }).click();
    await page.getByText('The public page is not published.').waitFor();
    expect((await fetch(`${server.url}/p/bg-sliven`)).status).toBe(404);
    await context.close();
  }, 90_000);
});
