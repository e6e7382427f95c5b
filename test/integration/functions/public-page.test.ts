import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFiles } from '#infra/local/file-server.ts';
import { createHttpServer } from '#infra/local/http-server.ts';
import { call, outputs } from '../../support/api.ts';
import { eventually, municipalityBody, parkedOn, testRuntime } from '../../support/runtime.ts';
import { addPerson, admin, type TestPerson } from '../support/people.ts';

/**
 * The public face of a municipality on the local runtime: a page published only while the municipality and its
 * CAG both consent, unpublished at once when either withdraws, and — like the open-data export — free of
 * personal data: the test seeds names, emails and phones everywhere they can be kept (contacts, people, a
 * comment) and looks for each in the page and in both exports.
 */

let env: Awaited<ReturnType<typeof testRuntime>>;
let server: Server;
let staff: TestPerson;
let cag: TestPerson;
let coordinator: TestPerson;
let cycleId: string;

const PERSONAL = [
  'Radka Dimitrova',
  'radka.dimitrova@pub.example',
  '+359888700001',
  'Stoyan Kirilov',
  'stoyan@pub.example',
  '+359888700002',
  'Contact Person',
  'contact@plovdiv.example',
  'CAG Member',
  '+359888000111',
];

const page = (lang?: string) => call('GET', '/p/bg-public', lang ? { query: { lang } } : {});

/** Follows an export's 303 to the file, and returns its text. */
async function exported(file: string, claims: Record<string, string>) {
  const answer = await call('GET', `/exports/BG/${file}`, { claims });
  expect(answer.status, JSON.stringify(answer.body)).toBe(303);
  const response = await fetch(answer.headers.location ?? '');
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  env = await testRuntime();
  server = createHttpServer({
    secret: new Uint8Array(32),
    handlerFor: (route) => env.runtime.routeHandler(route),
    files: serveFiles(env.runtime.files),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env.ports.settings.publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The municipality's record keeps contacts (names, an email, a phone): none may reach the public.
  await call('PUT', '/municipalities/bg-public', {
    claims: admin,
    body: municipalityBody({ name: 'Plovdiv – Stolipinovo' }),
  });
  staff = await addPerson({
    displayName: 'Radka Dimitrova',
    role: 'municipality',
    municipalityId: 'bg-public',
    email: 'radka.dimitrova@pub.example',
    phone: '+359888700001',
  });
  cag = await addPerson({
    displayName: 'Stoyan Kirilov',
    role: 'cag',
    municipalityId: 'bg-public',
    email: 'stoyan@pub.example',
    phone: '+359888700002',
  });
  coordinator = await addPerson({
    displayName: 'Programme Coordinator',
    role: 'coordinator',
    countries: ['BG'],
    email: 'coordinator@pub.example',
  });
  cycleId = (await call('POST', '/cycles', { claims: admin, body: { municipalityId: 'bg-public' } })).body
    .cycleId;
  await parkedOn(env.ports, cycleId, 'needs-assessment', env.engine);
  const assessment = await eventually(
    async () => (await call('GET', '/tasks', { claims: staff.claims })).body.items?.[0],
  );
  await call('POST', `/tasks/${assessment.taskId}/comments`, {
    claims: staff.claims,
    body: { text: 'Stoyan Kirilov will bring the list', mentions: [cag.userId] },
  });
  expect(
    (
      await call('POST', `/tasks/${assessment.taskId}/complete`, {
        claims: staff.claims,
        body: outputs['needs-assessment'],
      })
    ).status,
  ).toBe(200);
  await parkedOn(env.ports, cycleId, 'community-consultation', env.engine);
  const consultation = await eventually(
    async () => (await call('GET', '/tasks', { claims: cag.claims })).body.items?.[0],
  );
  expect(
    (
      await call('POST', `/tasks/${consultation.taskId}/complete`, {
        claims: cag.claims,
        body: outputs['community-consultation'],
      })
    ).status,
  ).toBe(200);
  await env.engine.settled();
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await env?.runtime.close();
});

describe('A municipality’s public page', () => {
  it('is not published until both the municipality and its CAG consent', async () => {
    expect((await page()).status).toBe(404);
    const first = await call('PUT', '/municipalities/bg-public/publication/consent', {
      claims: staff.claims,
      body: {},
    });
    expect(first.body).toMatchObject({ published: false });
    expect((await page()).status).toBe(404);
    const refused = await call('PUT', '/municipalities/bg-public/publication/consent', {
      claims: coordinator.claims,
      body: {},
    });
    expect(refused.status).toBe(403);
    const both = await call('PUT', '/municipalities/bg-public/publication/consent', {
      claims: cag.claims,
      body: { genderBalance: { women: 5, men: 3, otherOrUndisclosed: 1 } },
    });
    expect(both.body).toMatchObject({ published: true });
    expect(both.body.publication.consents.cag.userId).toBe(cag.userId);
  });

  it('shows the group in numbers, the agreed priorities and the timeline, in Bulgarian and English, as HTML', async () => {
    const bulgarian = await page();
    expect(bulgarian.status).toBe(200);
    expect(bulgarian.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(bulgarian.headers['content-security-policy']).toContain("default-src 'none'");
    const html = bulgarian.body as string;
    expect(html).toContain('<html lang="bg">');
    expect(html).toContain('Plovdiv – Stolipinovo');
    // Stoyan, and the two CAG contacts of the municipality's record (made people when it was saved).
    expect(html).toContain('Членове: 3');
    expect(html).toMatch(/Жени<\/th><td>5</);
    expect(html).toContain('civil documentation');
    expect(html).toContain('Оценка на нуждите');
    expect(html).not.toContain('<script');
    const english = (await page('en')).body as string;
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Agreed priorities');
    expect(english).toContain('Needs assessment');
  });

  it('shows no name, email or phone number, nor does either open-data export', async () => {
    const texts = [
      (await page()).body as string,
      (await page('en')).body as string,
      await exported('cycles.csv', coordinator.claims),
      await exported('cycles.json', staff.claims),
    ];
    for (const text of texts) for (const personal of PERSONAL) expect(text).not.toContain(personal);
    expect(texts[2]).toContain(cycleId);
    expect(JSON.parse(texts[3] ?? '').cycles[0].priorities).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'civil documentation', status: 'agreed' })]),
    );
  });

  it('refuses an export of another country, or of another municipality, as if it did not exist', async () => {
    expect((await call('GET', '/exports/IT/cycles.csv', { claims: coordinator.claims })).status).toBe(404);
    expect(
      (await call('GET', '/exports/BG/cycles.csv', { claims: cag.claims, query: { municipalityId: 'bg-x' } }))
        .status,
    ).toBe(404);
    const bad = await call('GET', '/exports/BG/cycles.xml', { claims: coordinator.claims });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toContain('file');
  });

  it('is unpublished at once when either side withdraws', async () => {
    expect((await page()).status).toBe(200);
    const withdrawn = await call('DELETE', '/municipalities/bg-public/publication/consent', {
      claims: staff.claims,
    });
    expect(withdrawn.body).toMatchObject({ published: false });
    const gone = await page();
    expect(gone.status).toBe(404);
    expect(gone.body).not.toContain('Plovdiv');
    const status = await call('GET', '/municipalities/bg-public/publication', { claims: cag.claims });
    expect(status.body.publication.history.map((entry: { action: string }) => entry.action)).toEqual([
      'consented',
      'consented',
      'described',
      'withdrew',
    ]);
  });
});
