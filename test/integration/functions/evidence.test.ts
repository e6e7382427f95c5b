import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFiles } from '#infra/local/file-server.ts';
import { createHttpServer } from '#infra/local/http-server.ts';
import { type LocalRuntime, startLocalRuntime } from '#infra/local/runtime.ts';
import { manualClock } from '#shared/domain/clock.ts';
import { erasedName } from '#shared/domain/usecases/people/erase-user.ts';
import { call, useRuntime } from '../../support/api.ts';
import { eventually, parkedOn } from '../../support/runtime.ts';
import { addMunicipality, addPerson, admin, type TestPerson } from '../support/people.ts';

/**
 * Evidence on a task, end to end on the local runtime (dynalite, the data dir, the HTTP server answering the
 * signed file URLs): files are announced, uploaded straight to their signed URL, checked by content and kept
 * or refused; threads of comments whose mentions reach the person; and a person's erasure covering both.
 */

let dataDir: string;
let runtime: LocalRuntime;
let server: Server;
let staff: TestPerson;
let cag: TestPerson;
let outsider: TestPerson;
let coordinator: TestPerson;
let taskId: string;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF\n');
const HTML = Buffer.from('<html><script>alert(1)</script></html>');

/** Announces a file, uploads its bytes to the signed URL, confirms it: each answer. */
async function upload(
  person: TestPerson,
  bytes: Buffer,
  file: { name: string; contentType: string; personal?: boolean },
) {
  const announced = await call('POST', `/tasks/${taskId}/attachments`, {
    claims: person.claims,
    body: { ...file, size: bytes.length },
  });
  expect(announced.status, JSON.stringify(announced.body)).toBe(201);
  const { upload: signed, attachment } = announced.body;
  const put = await fetch(signed.url, {
    method: 'PUT',
    headers: signed.headers,
    body: new Uint8Array(bytes),
  });
  const confirmed = await call('POST', `/tasks/${taskId}/attachments/${attachment.attachmentId}/confirm`, {
    claims: person.claims,
  });
  return { attachmentId: attachment.attachmentId as string, put, confirmed, signed };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'romact-evidence-'));
  runtime = await startLocalRuntime({ dataDir, clock: manualClock(new Date('2027-01-04T09:00:00.000Z')) });
  useRuntime(runtime);
  server = createHttpServer({
    secret: new Uint8Array(32),
    handlerFor: (route) => runtime.routeHandler(route),
    files: serveFiles(runtime.files),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  runtime.ports.settings.publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await addMunicipality('bg-evidence', {
    name: 'Sliven – Nadezhda',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
  });
  await addMunicipality('bg-elsewhere', {
    name: 'Lom',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
  });
  staff = await addPerson({
    displayName: 'Elena Staff',
    role: 'municipality',
    municipalityId: 'bg-evidence',
    email: 'elena@evidence.example',
    locale: 'bg',
  });
  cag = await addPerson({
    displayName: 'Asen Cag',
    role: 'cag',
    municipalityId: 'bg-evidence',
    phone: '+359888600001',
    locale: 'bg',
  });
  outsider = await addPerson({
    displayName: 'Other Staff',
    role: 'municipality',
    municipalityId: 'bg-elsewhere',
    email: 'other@elsewhere.example',
  });
  coordinator = await addPerson({
    displayName: 'Coordinator',
    role: 'coordinator',
    countries: ['BG'],
    email: 'coordinator@evidence.example',
    locale: 'en',
  });
  const started = await call('POST', '/cycles', { claims: admin, body: { municipalityId: 'bg-evidence' } });
  await parkedOn(runtime.ports, started.body.cycleId, 'needs-assessment', runtime.engine);
  taskId = (
    await eventually(async () => (await call('GET', '/tasks', { claims: staff.claims })).body.items?.[0])
  ).taskId;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await runtime?.close();
  useRuntime(undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Attachments on a task', () => {
  it('keeps a PDF uploaded to its signed URL, under a safe name, and downloads the same bytes', async () => {
    const { attachmentId, put, confirmed } = await upload(staff, PDF, {
      name: '../../Council decision\u202e.pdf',
      contentType: 'application/pdf',
    });
    expect(put.status).toBe(200);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'STORED',
      name: 'Council decision.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      uploadedBy: { userId: staff.userId, role: 'municipality' },
    });
    expect(confirmed.body.objectKey).toBeUndefined();

    const listed = await call('GET', `/tasks/${taskId}/attachments`, { claims: cag.claims });
    expect(listed.body.items.map((one: { attachmentId: string }) => one.attachmentId)).toContain(
      attachmentId,
    );
    const download = await call('GET', `/tasks/${taskId}/attachments/${attachmentId}`, {
      claims: cag.claims,
    });
    expect(download.status).toBe(200);
    const file = await fetch(download.body.download.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('Council decision.pdf');
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);

    const record = await call('GET', `/cycles/${taskId.split('.')[0]}`, { claims: coordinator.claims });
    expect(record.body.audit).toContainEqual(
      expect.objectContaining({
        type: 'attachment.stored',
        actor: expect.objectContaining({ userId: staff.userId }),
        data: expect.objectContaining({ attachmentId, name: 'Council decision.pdf' }),
      }),
    );
  });

  it('refuses a file whose content is not what it claims, deletes its bytes and gives back its allowance', async () => {
    const before = await runtime.ports.attachments.usedBytes(taskId.split('.')[0] ?? '');
    const { attachmentId, confirmed } = await upload(cag, HTML, {
      name: 'minutes.pdf',
      contentType: 'application/pdf',
    });
    expect(confirmed.status).toBe(422);
    expect(confirmed.body.error.fields).toEqual([
      { path: 'file', message: expect.stringContaining('content') },
    ]);
    expect(existsSync(runtime.files.pathOf(`cycles/${taskId.split('.')[0]}/${taskId}/${attachmentId}`))).toBe(
      false,
    );
    expect(await runtime.ports.attachments.usedBytes(taskId.split('.')[0] ?? '')).toBe(before);
    const download = await call('GET', `/tasks/${taskId}/attachments/${attachmentId}`, {
      claims: cag.claims,
    });
    expect(download.status).toBe(404);
  });

  it('refuses too large a file, an unaccepted type and a bad field with each field named, writing nothing', async () => {
    const refused = await call('POST', `/tasks/${taskId}/attachments`, {
      claims: staff.claims,
      body: { name: 'a.exe', contentType: 'application/x-msdownload', size: 21 * 1024 * 1024, field: '../x' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((one: { path: string }) => one.path).sort()).toEqual([
      'contentType',
      'field',
    ]);
    const tooLarge = await call('POST', `/tasks/${taskId}/attachments`, {
      claims: staff.claims,
      body: { name: 'scan.pdf', contentType: 'application/pdf', size: 21 * 1024 * 1024 },
    });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error.fields).toEqual([
      { path: 'size', message: expect.stringContaining('at most') },
    ]);
  });

  it('lets the signed URL take only the bytes it was signed for, and nothing once forged', async () => {
    const announced = await call('POST', `/tasks/${taskId}/attachments`, {
      claims: staff.claims,
      body: { name: 'scan.pdf', contentType: 'application/pdf', size: PDF.length },
    });
    const { url, headers } = announced.body.upload;
    const longer = await fetch(url, {
      method: 'PUT',
      headers,
      body: new Uint8Array(Buffer.concat([PDF, PDF])),
    });
    expect(longer.status).toBe(403);
    const otherType = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(PDF),
    });
    expect(otherType.status).toBe(403);
    const forged = await fetch(`${url.slice(0, -4)}AAAA`, {
      method: 'PUT',
      headers,
      body: new Uint8Array(PDF),
    });
    expect(forged.status).toBe(404);
    const asDownload = await fetch(url);
    expect(asDownload.status).toBe(403);
  });

  it('shows another municipality nothing of the task’s files, and lets only the uploader or a coordinator remove one', async () => {
    const { attachmentId } = await upload(staff, PDF, { name: 'plan.pdf', contentType: 'application/pdf' });
    expect((await call('GET', `/tasks/${taskId}/attachments`, { claims: outsider.claims })).status).toBe(404);
    expect(
      (await call('GET', `/tasks/${taskId}/attachments/${attachmentId}`, { claims: outsider.claims })).status,
    ).toBe(404);
    expect(
      (await call('DELETE', `/tasks/${taskId}/attachments/${attachmentId}`, { claims: cag.claims })).status,
    ).toBe(403);
    const removed = await call('DELETE', `/tasks/${taskId}/attachments/${attachmentId}`, {
      claims: staff.claims,
    });
    expect(removed.status).toBe(200);
    expect(removed.body.status).toBe('DELETED');
    const listed = await call('GET', `/tasks/${taskId}/attachments`, { claims: staff.claims });
    expect(listed.body.items.map((one: { attachmentId: string }) => one.attachmentId)).not.toContain(
      attachmentId,
    );
  });
});

describe('Comments on a task', () => {
  it('tells a person mentioned in a comment, in their language, and records the comment in the audit', async () => {
    const added = await call('POST', `/tasks/${taskId}/comments`, {
      claims: staff.claims,
      body: { text: '  Can the CAG check the school bus numbers?  ', mentions: [cag.userId] },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      text: 'Can the CAG check the school bus numbers?',
      author: { userId: staff.userId, name: 'Elena Staff' },
      locale: 'bg',
      mentions: [cag.userId],
    });
    const told = await eventually(async () =>
      runtime.outbox
        .list({ recipient: '+359888600001' })
        .find((message) => message.text.includes('Elena Staff')),
    );
    expect(told?.text).toContain('ви спомена в коментар');
    const thread = await call('GET', `/tasks/${taskId}/comments`, { claims: coordinator.claims });
    expect(thread.body.items).toEqual([expect.objectContaining({ commentId: added.body.commentId })]);
  });

  it('refuses a mention of someone who cannot see the task, naming the mention, and writes nothing', async () => {
    const refused = await call('POST', `/tasks/${taskId}/comments`, {
      claims: staff.claims,
      body: { text: 'Look at this', mentions: [cag.userId, outsider.userId] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ path: 'mentions.1', message: expect.any(String) }]);
    const empty = await call('POST', `/tasks/${taskId}/comments`, {
      claims: staff.claims,
      body: { text: ' \n ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0].path).toBe('text');
  });

  it('lets only the author edit, audits the edit and the removal, and keeps a placeholder', async () => {
    const added = await call('POST', `/tasks/${taskId}/comments`, {
      claims: cag.claims,
      body: { text: 'We counted 42 children.' },
    });
    const path = `/tasks/${taskId}/comments/${added.body.commentId}`;
    expect((await call('PUT', path, { claims: staff.claims, body: { text: 'x' } })).status).toBe(403);
    const edited = await call('PUT', path, { claims: cag.claims, body: { text: 'We counted 43 children.' } });
    expect(edited.body).toMatchObject({ text: 'We counted 43 children.', edits: 1 });
    const removed = await call('DELETE', path, { claims: coordinator.claims });
    expect(removed.body).toMatchObject({ status: 'DELETED', text: '' });
    const audit = (await call('GET', `/cycles/${taskId.split('.')[0]}`, { claims: coordinator.claims })).body
      .audit as { type: string; data: { commentId?: string } }[];
    expect(
      audit
        .filter((event) => event.data.commentId === added.body.commentId)
        .map((event) => event.type)
        .sort(),
    ).toEqual(['comment.added', 'comment.deleted', 'comment.edited']);
    expect(JSON.stringify(audit)).not.toContain('42 children');
  });
});

describe('Erasing a person who left evidence', () => {
  it('exports their files and comments, then removes their personal files and comment texts, keeping a pseudonym', async () => {
    const personal = await upload(cag, PDF, {
      name: 'my-id.pdf',
      contentType: 'application/pdf',
      personal: true,
    });
    const record = await upload(cag, PDF, { name: 'minutes.pdf', contentType: 'application/pdf' });
    await call('POST', `/tasks/${taskId}/comments`, {
      claims: cag.claims,
      body: { text: 'My street floods.' },
    });
    const exported = await call('GET', '/me/export', { claims: cag.claims });
    expect(exported.body.attachments.map((one: { name: string }) => one.name)).toEqual(
      expect.arrayContaining(['my-id.pdf', 'minutes.pdf']),
    );
    expect(exported.body.comments.map((one: { text: string }) => one.text)).toContain('My street floods.');

    expect((await call('DELETE', `/users/${cag.userId}`, { claims: coordinator.claims })).status).toBe(200);

    const files = (await call('GET', `/tasks/${taskId}/attachments`, { claims: staff.claims })).body
      .items as {
      attachmentId: string;
      uploadedBy: { name: string };
    }[];
    expect(files.map((one) => one.attachmentId)).not.toContain(personal.attachmentId);
    expect(files.find((one) => one.attachmentId === record.attachmentId)?.uploadedBy.name).toBe(
      erasedName(cag.userId),
    );
    expect(
      existsSync(runtime.files.pathOf(`cycles/${taskId.split('.')[0]}/${taskId}/${personal.attachmentId}`)),
    ).toBe(false);
    const thread = JSON.stringify(
      (await call('GET', `/tasks/${taskId}/comments`, { claims: staff.claims })).body,
    );
    expect(thread).not.toContain('My street floods');
    expect(thread).not.toContain('Asen Cag');
  });
});
