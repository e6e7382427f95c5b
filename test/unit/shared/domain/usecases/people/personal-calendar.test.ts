import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Task } from '#shared/domain/model/task.ts';
import type { User } from '#shared/domain/model/user.ts';
import { calendarUrl } from '#shared/domain/usecases/people/calendar-url.ts';
import { personalCalendar } from '#shared/domain/usecases/people/personal-calendar.ts';
import { updateMe } from '#shared/domain/usecases/people/update-me.ts';
import { personCaller } from '../../../../../support/signed-in.ts';
import {
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
  await givenMunicipality(env.ports);
  const cycle = await givenCycle(env);
  [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
  [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
});

const tokenFor = async (address: string, channel: 'email' | 'sms' = 'email') => {
  const { url } = await calendarUrl(env.ports, await personCaller(env, address, { channel }), {
    rotate: false,
  });
  return /\/calendar\/([^/]+)\.ics$/.exec(url)?.[1] as string;
};
const calendarOf = async (token: string) => {
  const text = await personalCalendar(env.ports, token);
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    zone: calendar.getFirstPropertyValue('x-wr-timezone'),
    events: calendar.getAllSubcomponents('vevent').map((one) => new ICAL.Event(one)),
  };
};

describe('personalCalendar', () => {
  it('holds the deadlines of the person’s own role: the staff see their task, the CAG theirs', async () => {
    const staff = await calendarOf(await tokenFor('contact@plovdiv.example'));
    expect(staff.events.map((event) => event.uid)).toEqual([`${assessment.taskId}@romact`]);
    expect(staff.events[0]?.startDate.toJSDate().toISOString()).toBe(assessment.dueAt);

    const cag = await calendarOf(await tokenFor('+359888000111', 'sms'));
    expect(cag.events.map((event) => event.uid)).toEqual([`${consultation.taskId}@romact`]);
  });

  it('titles events in the person’s language and names their time zone', async () => {
    const token = await tokenFor('contact@plovdiv.example');
    expect((await calendarOf(token)).events[0]?.summary).toBe('ROMACT: Подайте оценката на нуждите');

    await updateMe(env.ports, await personCaller(env, 'contact@plovdiv.example'), {
      locale: 'en',
      timeZone: 'Europe/Rome',
    });
    const english = await calendarOf(token);
    expect(english.events[0]?.summary).toMatch(/^ROMACT: [A-Za-z]/);
    expect(english.zone).toBe('Europe/Rome');
  });

  it('gives a coordinator the coordinators’ tasks of their countries', async () => {
    const stall = await stallOn(env, assessment);
    const coordinator = await calendarOf(await tokenFor('coordinator@romact.example'));
    expect(coordinator.events.map((event) => event.uid)).toEqual([`${stall.taskId}@romact`]);
  });

  it('leaves out a task once it is no longer open', async () => {
    const token = await tokenFor('contact@plovdiv.example');
    await env.ports.tasks.update(assessment, {
      status: 'CANCELLED',
      cancelledAt: env.clock.now().toISOString(),
    });
    expect((await calendarOf(token)).events).toEqual([]);
  });

  it('answers an unknown, malformed or erased person’s token with 404', async () => {
    const token = await tokenFor('contact@plovdiv.example');
    for (const wrong of ['A'.repeat(32), 'short', `${token}/../x`, ''])
      expect(await rejection(personalCalendar(env.ports, wrong))).toBeInstanceOf(NotFoundError);
    const user = (await env.ports.users.findByAddress('email', 'contact@plovdiv.example')) as User;
    await env.ports.users.update(user, { status: 'ERASED' });
    expect(await rejection(personalCalendar(env.ports, token))).toBeInstanceOf(NotFoundError);
  });
});
