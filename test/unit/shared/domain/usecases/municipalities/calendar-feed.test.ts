import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { calendarFeed } from '#shared/domain/usecases/municipalities/calendar-feed.ts';
import { extendTask } from '#shared/domain/usecases/tasks/extend-task.ts';
import {
  callers,
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  stallOn,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let assessment: Task;
let consultation: Task;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports, { name: 'Plovdiv; Stolipinovo, "Roma" quarter – a long name to fold' });
  const cycle = await givenCycle(env);
  [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
  [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
});

const events = async (caller: Parameters<typeof calendarFeed>[1] = callers.municipality) => {
  const text = await calendarFeed(env.ports, caller, 'bg-stolipinovo');
  return {
    text,
    events: new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((one) => new ICAL.Event(one)),
  };
};

describe('calendarFeed', () => {
  it('lists the open deadlines of the municipality and its CAG, titled in the municipality’s language', async () => {
    const feed = await events();
    expect(feed.events.map((event) => event.uid).sort()).toEqual(
      [`${assessment.taskId}@romact`, `${consultation.taskId}@romact`].sort(),
    );
    const first = feed.events.find((event) => event.uid === `${assessment.taskId}@romact`);
    expect(first?.summary).toBe('ROMACT: Подайте оценката на нуждите');
    expect(first?.startDate.toJSDate().toISOString()).toBe(assessment.dueAt);
  });

  it('is the same for everyone of the tenant, and 404 for others', async () => {
    const own = await events(callers.cag);
    expect(own.events).toHaveLength(2);
    for (const caller of [callers.otherMunicipality, callers.otherCoordinator]) {
      expect(await rejection(calendarFeed(env.ports, caller, 'bg-stolipinovo'))).toBeInstanceOf(
        NotFoundError,
      );
    }
  });

  it('moves an extended deadline in place: the same UID, a higher SEQUENCE', async () => {
    await extendTask(env.ports, callers.coordinator, assessment.taskId, {
      dueAt: '2027-05-31',
      reason: 'Later',
    });
    const moved = (await events()).events.find((event) => event.uid === `${assessment.taskId}@romact`);
    expect(moved?.sequence).toBe(1);
    expect(moved?.startDate.toJSDate().toISOString()).toBe('2027-05-31T20:59:59.000Z');
  });

  it('leaves out closed tasks and the coordinator’s own', async () => {
    await env.ports.tasks.update(consultation, { status: 'CANCELLED' });
    await stallOn(env, assessment);
    expect((await events()).events.map((event) => event.uid)).toEqual([`${assessment.taskId}@romact`]);
  });

  it('escapes text and folds long lines as RFC 5545 says', async () => {
    const { text } = await events();
    expect(text).toContain('Plovdiv\\; Stolipinovo\\, "Roma" quarter');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('lets no bare CR or LF of a stored text break a line or add a property', async () => {
    await env.ports.municipalities.update(
      (await env.ports.municipalities.get('bg-stolipinovo')) as never,
      { name: 'Plovdiv\rBEGIN:VEVENT\nSUMMARY:forged\r\nEND:VEVENT' } as never,
    );
    const { text, events: parsed } = await events();
    // Every CR ends a line (CRLF), so no text can start a line of its own.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).not.toMatch(/\r\n(SUMMARY:forged|END:VEVENT\\n)/);
    expect(parsed).toHaveLength(2);
    // The text stays text: inside the description, as escaped line breaks.
    expect(parsed.find((event) => event.uid === `${assessment.taskId}@romact`)?.description).toContain(
      'Plovdiv\nBEGIN:VEVENT\nSUMMARY:forged',
    );
  });
});
