import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '#shared/domain/ports.ts';
import { sweepDeadlines } from '#shared/domain/usecases/notifications/sweep-deadlines.ts';
import { seedOpenTasks } from '../../../bench/seed-open-tasks.ts';
import { cagOf, call, coordinatorBG, municipalityOf, outputs } from '../../support/api.ts';
import { eventually, municipalityFixture, parkedOn, testRuntime } from '../../support/runtime.ts';

const START = new Date('2027-01-04T09:00:00.000Z');
const DAY = 86_400_000;
const municipalityId = 'bg-stolipinovo';
let env: Awaited<ReturnType<typeof testRuntime>>;

beforeEach(async () => {
  env = await testRuntime(START);
  const { municipalityId: _id, updatedAt: _at, version: _version, ...body } = municipalityFixture();
  await call('PUT', `/municipalities/${municipalityId}`, { claims: coordinatorBG, body });
});
afterEach(async () => {
  await env.runtime.close();
});

const dayOf = (instant: string) => Math.round((Date.parse(instant) - START.getTime()) / DAY);
/** The outbox as (day, recipient, channel, kinds) lines, in order. */
const sent = () =>
  env.runtime.outbox
    .list()
    .map(
      (message: OutboundMessage) =>
        `d${dayOf(message.createdAt)} ${message.recipient.role}:${message.channel} ${message.kinds.join('+')}`,
    );

async function startCycle(clientToken = 'cycle', parallel = false) {
  const cycleId = (
    await call('POST', '/cycles', {
      claims: coordinatorBG,
      body: { municipalityId, clientToken, ...(parallel ? { parallel } : {}) },
    })
  ).body.cycleId as string;
  await parkedOn(env.ports, cycleId, 'needs-assessment', env.engine);
  return cycleId;
}

async function complete(
  cycleId: string,
  role: 'municipality' | 'cag',
  taskKey: string,
  body: unknown,
  next?: string,
) {
  const claims = role === 'cag' ? cagOf(municipalityId) : municipalityOf(municipalityId);
  const task = await eventually(async () =>
    (await call('GET', '/tasks', { claims })).body.items?.find(
      (one: { taskKey: string; cycleId: string }) => one.taskKey === taskKey && one.cycleId === cycleId,
    ),
  );
  expect((await call('POST', `/tasks/${task.taskId}/complete`, { claims, body })).status).toBe(200);
  if (next) await parkedOn(env.ports, cycleId, next, env.engine);
}

/** Runs the sweep once a simulated day from `from` to `to`, doing `actions[day]` first. */
async function simulate(from: number, to: number, actions: Record<number, () => Promise<void>> = {}) {
  for (let day = from; day <= to; day++) {
    env.clock.set(new Date(START.getTime() + day * DAY));
    await actions[day]?.();
    await sweepDeadlines(env.ports);
  }
}

describe('Deadlines and notifications on the local runtime, with a fake clock', () => {
  it('sends exactly the expected notifications through a whole cycle of more than a year', async () => {
    let cycleId = '';
    await simulate(0, 530, {
      0: async () => {
        cycleId = await startCycle();
      },
      50: () =>
        complete(
          cycleId,
          'municipality',
          'needs-assessment',
          outputs['needs-assessment'],
          'community-consultation',
        ),
      96: () =>
        complete(
          cycleId,
          'cag',
          'community-consultation',
          outputs['community-consultation'],
          'council-decision',
        ),
      100: () => complete(cycleId, 'cag', 'cag-endorsement', outputs.approve),
      140: () =>
        complete(cycleId, 'municipality', 'council-decision', outputs.approve, 'funding-applications'),
      150: () =>
        complete(
          cycleId,
          'municipality',
          'funding-applications',
          outputs['funding-applications'],
          'monitoring-report',
        ),
      520: () => complete(cycleId, 'municipality', 'monitoring-report', outputs.close),
    });

    const expected = [
      'd0 municipality:email assigned',
      'd46 municipality:email reminder',
      'd50 cag:email assigned',
      'd50 cag:sms assigned',
      'd81 cag:email reminder',
      'd81 cag:sms reminder',
      'd92 cag:email reminder',
      'd92 cag:sms reminder',
      'd94 cag:email reminder',
      'd94 cag:sms reminder',
      'd95 cag:email overdue',
      'd95 cag:sms overdue',
      'd96 cag:email assigned',
      'd96 cag:sms assigned',
      'd96 municipality:email assigned',
      'd112 municipality:email reminder',
      'd123 municipality:email reminder',
      'd125 municipality:email reminder',
      'd126 municipality:email overdue',
      'd133 coordinator:email escalated',
      'd140 municipality:email assigned',
      'd150 municipality:email assigned',
      'd501 municipality:email reminder',
      'd512 municipality:email reminder',
      'd514 municipality:email reminder',
      'd515 municipality:email overdue',
    ];
    // Day by day, as a set within a day: the order of one day's messages is not promised (on day 96 two
    // parallel branches open their tasks at the same moment).
    const day = (line: string) => Number(line.slice(1, line.indexOf(' ')));
    const byDay = (lines: string[]) => lines.toSorted((a, b) => day(a) - day(b) || a.localeCompare(b));
    expect(sent().map(day)).toEqual(
      sent()
        .map(day)
        .toSorted((a, b) => a - b),
    );
    expect(byDay(sent())).toEqual(byDay(expected));
    const [bulgarian] = env.runtime.outbox.list({ role: 'cag' });
    expect(bulgarian?.text).toContain('Нова задача');
    const escalation = env.runtime.outbox.list({ role: 'coordinator' })[0];
    expect(escalation?.text).toMatch(
      /^Escalation: Plovdiv – Stolipinovo has not completed "Record the council decision/,
    );
    expect((await env.ports.cycles.get(cycleId))?.status).toBe('COMPLETED');
    // The finish step publishes after it records the status: wait for the workflow to come to rest.
    await env.engine.settled();
    const kinds = env.runtime.outbox.events.map((event) => event.type);
    expect(kinds.filter((type) => type === 'cycle.phase-changed')).toHaveLength(5);
    expect(kinds.filter((type) => type === 'cycle.completed')).toHaveLength(1);
  });

  it('moves every pending notification when a coordinator extends the deadline', async () => {
    let cycleId = '';
    await simulate(0, 100, {
      0: async () => {
        cycleId = await startCycle();
      },
      55: async () => {
        const task = (await env.ports.cycles.record(cycleId))?.tasks[0];
        const response = await call('POST', `/tasks/${task?.taskId}/extend`, {
          claims: coordinatorBG,
          body: { dueAt: '2027-04-04T09:00:00.000Z', reason: 'Local elections' },
        });
        expect(response.status).toBe(200);
      },
    });
    expect(sent()).toEqual([
      'd0 municipality:email assigned',
      'd46 municipality:email reminder',
      // The assignee hears of the new deadline at once.
      'd55 municipality:email deadline-extended',
      'd76 municipality:email reminder',
      'd87 municipality:email reminder',
      'd89 municipality:email reminder',
      'd90 municipality:email overdue',
      'd97 coordinator:email escalated',
    ]);
    const audit = (await env.ports.cycles.record(cycleId))?.audit.filter(
      (event) => event.type === 'task.extended',
    );
    expect(audit?.map((event) => event.data.reason)).toEqual(['Local elections']);
  });

  it('sends nothing for a task completed between two reminders', async () => {
    let cycleId = '';
    await simulate(0, 70, {
      0: async () => {
        cycleId = await startCycle();
      },
      48: () =>
        complete(
          cycleId,
          'municipality',
          'needs-assessment',
          outputs['needs-assessment'],
          'community-consultation',
        ),
    });
    expect(sent().filter((line) => line.includes('municipality'))).toEqual([
      'd0 municipality:email assigned',
      'd46 municipality:email reminder',
    ]);
  });

  it('sends each notification once when two sweepers run at the same moment', async () => {
    await simulate(0, 0, { 0: async () => void (await startCycle()) });
    env.clock.set(new Date(START.getTime() + 46 * DAY));
    const reports = await Promise.all([
      sweepDeadlines(env.ports),
      sweepDeadlines(env.ports),
      sweepDeadlines(env.ports),
    ]);
    expect(reports.reduce((sum, report) => sum + report.delivered, 0)).toBe(1);
    expect(sent()).toEqual(['d0 municipality:email assigned', 'd46 municipality:email reminder']);
  });

  it('retries delivery after a sweeper dies between recording and delivering, without a duplicate', async () => {
    await simulate(0, 0, { 0: async () => void (await startCycle()) });
    env.clock.set(new Date(START.getTime() + 46 * DAY));
    const deliver = env.runtime.outbox.deliver.bind(env.runtime.outbox);
    env.runtime.outbox.deliver = async () => {
      throw new Error('killed');
    };
    await expect(sweepDeadlines(env.ports)).rejects.toThrow('killed');
    env.runtime.outbox.deliver = deliver;

    // The delivery is claimed until its lease runs out: nothing goes out twice while it may be under way.
    expect((await sweepDeadlines(env.ports)).deliveries).toBe(0);
    env.clock.advance(16 * 60_000);
    expect((await sweepDeadlines(env.ports)).deliveries).toBe(1);
    expect((await sweepDeadlines(env.ports)).deliveries).toBe(0);
    expect(sent()).toEqual(['d0 municipality:email assigned', 'd46 municipality:email reminder']);
  });

  it('sends a message once when the sweeper dies after sending and before recording it, and a new digest forms around it', async () => {
    await simulate(0, 0, { 0: async () => void (await startCycle('first')) });
    env.clock.set(new Date(START.getTime() + 46 * DAY));
    const deliver = env.runtime.outbox.deliver.bind(env.runtime.outbox);
    env.runtime.outbox.deliver = async (message) => {
      await deliver(message);
      throw new Error('killed after sending');
    };
    await expect(sweepDeadlines(env.ports)).rejects.toThrow('killed after sending');
    env.runtime.outbox.deliver = deliver;
    // Another cycle's assignment joins the same person's notifications before the lost delivery is redone.
    await startCycle('second', true);
    env.clock.advance(16 * 60_000);
    await sweepDeadlines(env.ports);

    const reminders = sent().filter((line) => line.includes('reminder'));
    expect(reminders).toEqual(['d46 municipality:email reminder']);
    expect(sent().filter((line) => line.includes('assigned'))).toHaveLength(2);
  });

  it('folds what was missed while the machine was off for three days into one notice, not a burst', async () => {
    await simulate(0, 57, { 0: async () => void (await startCycle()) });
    // Off from day 57 to day 61: the P3D (d57 was swept), P1D (d59) and overdue (d60) moments pass unswept.
    await simulate(61, 61);
    expect(sent()).toEqual([
      'd0 municipality:email assigned',
      'd46 municipality:email reminder',
      'd57 municipality:email reminder',
      'd61 municipality:email overdue',
    ]);
  });

  it('sends one digest to a recipient with several reminders in the same sweep', async () => {
    await simulate(0, 46, {
      0: async () => {
        await startCycle('first');
        // A second cycle of the same template runs only when asked for.
        await startCycle('second', true);
      },
    });
    const reminders = env.runtime.outbox
      .list({ role: 'municipality' })
      .filter((message) => message.kinds.includes('reminder'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.notificationIds).toHaveLength(2);
    expect(reminders[0]?.text.split('\n')[0]).toBe('2 задачи изискват внимание:');
  });

  it('serves the open deadlines as an iCalendar feed that a standard parser reads, and moves extended ones', async () => {
    const cycleId = await startCycle();
    const ics = async () => {
      const result = await call('GET', `/municipalities/${municipalityId}/calendar.ics`, {
        claims: municipalityOf(municipalityId),
      });
      expect(result.headers['content-type']).toContain('text/calendar');
      return new ICAL.Component(ICAL.parse(result.body as string));
    };

    const before = (await ics()).getAllSubcomponents('vevent');
    expect(before).toHaveLength(1);
    const event = new ICAL.Event(before[0]);
    expect(event.uid).toBe(`${cycleId}.needs-assessment.r0@romact`);
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-03-05T09:00:00.000Z');
    expect(event.summary).toBe('ROMACT: Подайте оценката на нуждите');
    expect(
      before[0]
        ?.getAllSubcomponents('valarm')
        .map((alarm: ICAL.Component) => String(alarm.getFirstPropertyValue('trigger'))),
    ).toEqual(['-P14D', '-P3D', '-P1D']);

    const task = (await env.ports.cycles.record(cycleId))?.tasks[0];
    await call('POST', `/tasks/${task?.taskId}/extend`, {
      claims: coordinatorBG,
      body: { dueAt: '2027-04-01T09:00:00.000Z', reason: 'x' },
    });
    const moved = new ICAL.Event((await ics()).getFirstSubcomponent('vevent') ?? undefined);
    expect(moved.uid).toBe(event.uid);
    expect(moved.sequence).toBe(1);
    expect(moved.startDate.toJSDate().toISOString()).toBe('2027-04-01T09:00:00.000Z');
  });

  it('reads on the order of the due tasks, not the open ones: 10,000 open, 10 due', async () => {
    const { ports, meter } = env;
    await seedOpenTasks(ports.tasks, { count: 10_000, due: 10, municipalityId, now: START.toISOString() });
    meter.reset();

    const report = await sweepDeadlines(env.ports);

    expect(report.tasksRead).toBe(10);
    const sweepRead = meter.of('listOpenTasksDueBy').read;
    expect(sweepRead).toBeGreaterThan(0);
    expect(sweepRead).toBeLessThanOrEqual(10);
    console.log(
      `sweep at 10,000 open tasks: index read units ${sweepRead}, total read units ${meter.total().read}, tasks read ${report.tasksRead}`,
    );
  }, 120_000);
});
