import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '#functions/shared/logger.ts';
import { stepHandler } from '#functions/shared/step-handler.ts';
import { stepDefinitions } from '#functions/steps/index.ts';
import { sweepHandler } from '#functions/sweep/sweep-deadlines.ts';
import { undeliverableLogLine } from '#infra/aws/romact-stack.ts';
import { noContacts } from '#shared/domain/model/municipality.ts';
import { findOrCreatePerson, grantMembership } from '#shared/domain/ops/people.ts';
import { phaseStarted } from '#shared/domain/usecases/steps/phase-started.ts';
import { seedOpenTasks } from '../../../../bench/seed-open-tasks.ts';
import {
  executionOf,
  givenCycle,
  givenMunicipality,
  nextToken,
  unitPorts,
} from '../../../support/unit-ports.ts';

/** The JSON lines the sweep's logger wrote to stderr (where Powertools writes warnings) while `run` ran. */
async function stderrLines(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('The undeliverable-notifications alarm and the sweep’s log line', () => {
  afterEach(() => logger.setLogLevel('CRITICAL'));

  it('counts what the sweep logs when a notification reaches nobody: the message the filter matches, a numeric count', async () => {
    // A municipality with no members: the reminder of its open task has nobody to go to.
    const { ports } = unitPorts();
    await givenMunicipality(ports, { municipalityId: 'bg-nobody-here', contacts: noContacts() });
    await seedOpenTasks(ports.tasks, {
      count: 1,
      due: 1,
      municipalityId: 'bg-nobody-here',
      now: ports.clock.now().toISOString(),
    });
    logger.setLogLevel('WARN');

    const lines = await stderrLines(() => sweepHandler(() => ports)({}, { awsRequestId: 'sweep' } as never));

    const matching = lines.filter((one) => one.message === undeliverableLogLine.message);
    expect(matching).toHaveLength(1);
    const line = matching[0];
    expect(line).toMatchObject({ level: 'WARN', count: 1 });
    // The metric filter reads these two fields, by these names.
    expect(undeliverableLogLine.pattern.logPatternString).toBe(
      `{ ($.message = "${undeliverableLogLine.message}") && ($.count > 0) }`,
    );
    expect(undeliverableLogLine.metricValue).toBe('$.count');
    // Ids and counts only: no address or name in the line.
    expect(JSON.stringify(line)).not.toMatch(/@|\+\d{6}/);
  });

  it('logs no such line when the notification reached someone', async () => {
    const { ports } = unitPorts();
    await givenMunicipality(ports, { municipalityId: 'bg-reached', contacts: noContacts() });
    const { user } = await findOrCreatePerson(ports, {
      displayName: 'Georgi Dimitrov',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      channel: { type: 'email', address: 'georgi@plovdiv.example' },
    });
    await grantMembership(ports, {
      userId: user.userId,
      role: 'municipality',
      municipalityId: 'bg-reached',
      country: 'BG',
    });
    await seedOpenTasks(ports.tasks, {
      count: 1,
      due: 1,
      municipalityId: 'bg-reached',
      now: ports.clock.now().toISOString(),
    });
    logger.setLogLevel('WARN');

    let report: { messages: number; undeliverable: number } | undefined;
    const lines = await stderrLines(async () => {
      report = await sweepHandler(() => ports)({}, { awsRequestId: 'sweep' } as never);
    });

    expect(report).toMatchObject({ messages: 1, undeliverable: 0 });
    expect(lines.filter((one) => one.message === undeliverableLogLine.message)).toEqual([]);
  });

  it('counts what the open-task step logs when the task it opens can be announced to nobody', async () => {
    // A cycle of a municipality with no members: its first tasks have no assignee to tell.
    const env = unitPorts();
    await givenMunicipality(env.ports, { contacts: noContacts() });
    const cycle = await givenCycle(env);
    const { tasks } = await phaseStarted(env.ports, {
      cycleId: cycle.cycleId,
      phase: 'assessment',
      revision: 0,
      templateVersion: cycle.templateVersion,
      ...executionOf(cycle),
    });
    const request = tasks[0];
    if (!request) throw new Error('the phase opened no task');
    // The line itself is the sweep's (the test above reads its JSON): the same call, with the step as source.
    const warn = vi.spyOn(logger, 'warn');

    const open = stepHandler(stepDefinitions.openTask, () => env.ports);
    const result = await open({ ...request, taskToken: nextToken(request.taskId) }, {
      awsRequestId: 'open',
    } as never);

    expect(result).toMatchObject({ taskId: request.taskId, created: true, undeliverable: 1 });
    expect(warn).toHaveBeenCalledWith(undeliverableLogLine.message, { count: 1, source: 'openTask' });
    warn.mockRestore();
    // The coordinators see it in their view, as the sweep's.
    const stored = await env.ports.messages.listUndeliverable(['BG'], { limit: 10 });
    expect(stored.items).toHaveLength(1);
  });
});
