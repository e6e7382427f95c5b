import { beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
} from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';
import type { User } from '#shared/domain/model/user.ts';
import { smsSegments } from '#shared/domain/notifications/sms.ts';
import { sweepDeadlines } from '#shared/domain/usecases/notifications/sweep-deadlines.ts';
import { CompleteOnBehalfBody, completeOnBehalf } from '#shared/domain/usecases/tasks/complete-on-behalf.ts';
import { resolveLink } from '#shared/domain/usecases/tasks/resolve-link.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import { personCaller } from '../../../../../support/signed-in.ts';
import {
  callers,
  DAY,
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  stored,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
let assessment: Task;
let consultation: Task;
let staff: Awaited<ReturnType<typeof personCaller>>;
let emailMember: User;
let phoneMember: User;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
  [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
  staff = await personCaller(env, 'contact@plovdiv.example');
  emailMember = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
  phoneMember = (await env.ports.users.findByAddress('sms', '+359888000111')) as User;
  env.writes.length = 0;
  env.notifier.messages.length = 0;
});

const entry = (fields: Record<string, unknown> = {}) => ({
  output: exampleOutputs['community-consultation'],
  onBehalfOf: [emailMember.userId, phoneMember.userId],
  consent: { method: 'verbal', givenOn: '2027-01-04' },
  ...fields,
});
const enter = (
  caller: Parameters<typeof completeOnBehalf>[1],
  task: Task,
  fields: Record<string, unknown> = {},
) => completeOnBehalf(env.ports, caller, task.taskId, CompleteOnBehalfBody.parse(entry(fields)));
const pathsOf = (error: { fields: { path: string }[] }) => error.fields.map((field) => field.path).sort();

describe('completeOnBehalf', () => {
  it('holds the entry for the objection window instead of completing the task, and audits who entered it for whom', async () => {
    const task = await enter(staff, consultation);

    expect(task.status).toBe('OPEN');
    expect(task.pendingEntry).toMatchObject({
      result: exampleOutputs['community-consultation'],
      enteredBy: { userId: staff.userId, name: 'Contact Person', role: 'municipality' },
      onBehalfOf: [
        { userId: emailMember.userId, name: 'CAG Member' },
        { userId: phoneMember.userId, name: 'CAG Member Two' },
      ],
      consent: { method: 'verbal', givenOn: '2027-01-04' },
      enteredAt: '2027-01-04T09:00:00.000Z',
      objectionUntil: '2027-01-07T09:00:00.000Z',
    });
    // The sweep comes back by the end of the window.
    expect(task.nextNotificationAt && task.nextNotificationAt <= '2027-01-07T09:00:00.000Z').toBe(true);
    expect(env.engine.successes).toEqual([]);
    const record = await env.ports.cycles.record(cycle.cycleId);
    expect(record?.audit.find((event) => event.type === 'task.entered-on-behalf')?.actor).toMatchObject({
      kind: 'person',
      userId: staff.userId,
      onBehalfOf: [{ userId: emailMember.userId }, { userId: phoneMember.userId }],
    });
  });

  it('tells each member named, on their channels and in their language, that it was entered in their name', async () => {
    await enter(staff, consultation);
    const byAddress = Object.fromEntries(env.notifier.messages.map((one) => [one.recipient.address, one]));
    expect(Object.keys(byAddress).sort()).toEqual(['+359888000111', 'cag@example.org']);
    expect(byAddress['+359888000111']).toMatchObject({ channel: 'sms', kinds: ['entered-on-behalf'] });
    expect(byAddress['cag@example.org']?.text).toContain('Contact Person');
    expect(byAddress['cag@example.org']?.text).toContain('Запишете консултацията с общността');
  });

  it('tells a phone-only member by SMS, in two segments, how long they have to object, with a whole link', async () => {
    await enter(staff, consultation);
    const sms = env.notifier.messages.find((one) => one.recipient.address === '+359888000111');
    const link = /https:\/\/romact\.example\.org\/t\/[A-Za-z0-9_-]{10}(?=\s|$)/.exec(sms?.text ?? '')?.[0];

    expect(sms?.text).toContain('3 дни');
    expect(sms?.text).toContain('от ваше име');
    expect(smsSegments(sms?.text ?? '')).toBeLessThanOrEqual(2);
    expect(link).toBeDefined();
    expect(await resolveLink(env.ports, callers.cag, link?.split('/t/')[1] ?? '')).toEqual({
      taskId: consultation.taskId,
    });
    const email = env.notifier.messages.find((one) => one.recipient.address === 'cag@example.org');
    expect(email?.text).toContain(`https://romact.example.org/task/${consultation.taskId}`);
    expect(email?.text).toContain('3 дни');
  });

  it('tells a member only on the channels they chose, and after their quiet hours', async () => {
    await env.ports.users.claimAddress('sms', '+359888222333', emailMember.userId);
    await env.ports.users.update(emailMember, {
      channels: [...emailMember.channels, { type: 'sms', address: '+359888222333' }],
      preferences: { channels: ['sms'] },
    });
    // 11:00 in Sofia falls in the phone-only member's quiet hours: their notice waits until 20:00.
    await env.ports.users.update(phoneMember, {
      preferences: { quietHours: { start: '08:00', end: '20:00' } },
    });
    await enter(staff, consultation);
    expect(env.notifier.messages.map((one) => one.recipient.address)).toEqual(['+359888222333']);
    const [held] = (await env.ports.messages.listForUser(phoneMember.userId, { limit: 10 })).items.filter(
      (one) => one.kinds.includes('entered-on-behalf'),
    );
    expect(held).toMatchObject({ status: 'PENDING', sendAfter: '2027-01-04T18:00:00.000Z' });
  });

  it('completes the task once the window has passed without objection, recorded as entered on their behalf', async () => {
    await enter(staff, consultation);
    env.clock.advance(3 * DAY);
    const report = await sweepDeadlines(env.ports);

    expect(report.entries).toBe(1);
    const done = await stored(env.ports, consultation.taskId);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      completedBy: 'cag',
      result: exampleOutputs['community-consultation'],
    });
    expect(env.engine.successes).toEqual([
      { taskToken: consultation.taskToken, output: { taskId: consultation.taskId } },
    ]);
    const completed = (await env.ports.cycles.record(cycle.cycleId))?.audit.find(
      (event) => event.type === 'task.completed',
    );
    expect(completed?.actor).toMatchObject({
      userId: staff.userId,
      onBehalfOf: [{ userId: emailMember.userId }, { userId: phoneMember.userId }],
    });
  });

  it('lets a coordinator enter it too, but not a CAG member (they complete it themselves) nor a script token', async () => {
    const member = await personCaller(env, 'cag@example.org');
    expect(await rejection(enter(member, consultation))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(enter(callers.municipality, consultation))).toBeInstanceOf(ForbiddenError);
    expect(env.writes).toEqual([]);

    const coordinator = await personCaller(env, 'coordinator@romact.example');
    await expect(enter(coordinator, consultation)).resolves.toMatchObject({
      pendingEntry: { enteredBy: { role: 'coordinator' } },
    });
  });

  it('does not reveal another tenant’s task (404)', async () => {
    for (const caller of [callers.otherMunicipality, callers.otherCoordinator])
      expect(await rejection(enter({ ...caller, userId: 'usr-x' }, consultation))).toBeInstanceOf(
        NotFoundError,
      );
    expect(env.writes).toEqual([]);
  });

  it('refuses a task that is not the CAG’s (422 naming taskId)', async () => {
    const error = await rejection(enter(staff, assessment, { output: exampleOutputs['needs-assessment'] }));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(pathsOf(error)).toEqual(['taskId']);
  });

  it('names every invalid part of the output under output. (400), writing nothing', async () => {
    const error = await rejection(
      enter(staff, consultation, { output: { meetings: [{ date: 'soon', participants: 0 }], extra: 1 } }),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(pathsOf(error)).toEqual([
      'output.agreedPriorities',
      'output.extra',
      'output.meetings.0.cagMembersPresent',
      'output.meetings.0.date',
      'output.meetings.0.participants',
      'output.minutesReference',
    ]);
    expect(env.writes).toEqual([]);
  });

  it('names every broken rule at once: the output’s, a future consent, a person who is not a CAG member (422)', async () => {
    const error = await rejection(
      enter(staff, consultation, {
        output: {
          ...exampleOutputs['community-consultation'],
          meetings: [{ date: '2026-11-16', participants: 10, cagMembersPresent: 1 }],
        },
        consent: { method: 'written', givenOn: '2027-01-05' },
        onBehalfOf: [emailMember.userId, staff.userId, 'usr-nobody'],
      }),
    );
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(pathsOf(error)).toEqual([
      'consent.givenOn',
      'onBehalfOf.1',
      'onBehalfOf.2',
      'output.meetings.0.cagMembersPresent',
    ]);
    expect(env.writes).toEqual([]);
    expect(env.notifier.messages).toEqual([]);
  });

  it('refuses a member named twice (422 naming the repeat), writing nothing', async () => {
    const error = await rejection(
      enter(staff, consultation, {
        onBehalfOf: [emailMember.userId, phoneMember.userId, emailMember.userId],
      }),
    );
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error.fields).toEqual([{ path: 'onBehalfOf.2', message: 'names the same person twice' }]);
    expect(env.writes).toEqual([]);
  });

  it('refuses a consent from more than a year before the cycle started (a typing error), naming consent.givenOn', async () => {
    const error = await rejection(
      enter(staff, consultation, { consent: { method: 'verbal', givenOn: '2025-01-04' } }),
    );
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(pathsOf(error)).toEqual(['consent.givenOn']);
  });

  it('reads the consent date in the municipality’s time zone: late evening UTC is already tomorrow in Sofia', async () => {
    env.clock.set(new Date('2027-01-04T22:30:00.000Z')); // 00:30 on 5 January in Sofia
    await expect(
      enter(staff, consultation, { consent: { method: 'verbal', givenOn: '2027-01-05' } }),
    ).resolves.toMatchObject({
      pendingEntry: expect.any(Object),
    });
  });

  it('refuses a second entry while one waits (409)', async () => {
    await enter(staff, consultation);
    env.writes.length = 0;
    expect(await rejection(enter(staff, consultation))).toBeInstanceOf(ConflictError);
    expect(env.writes).toEqual([]);
  });

  it('refuses a task no longer open (409)', async () => {
    await env.ports.tasks.update(consultation, { status: 'CANCELLED' });
    expect(await rejection(enter(staff, consultation))).toBeInstanceOf(ConflictError);
  });
});

describe('CompleteOnBehalfBody', () => {
  it('needs at least one member present and a consent with a real date', () => {
    const parsed = CompleteOnBehalfBody.safeParse({
      output: {},
      onBehalfOf: [],
      consent: { method: 'nodded', givenOn: '2027-13-01' },
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'consent.givenOn',
      'consent.method',
      'onBehalfOf',
    ]);
  });
});
