import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '#shared/domain/usecases/notifications/sweep-deadlines.ts';
import { call, municipalityOf } from '../../support/api.ts';
import { municipalityBody, parkedOn, testRuntime } from '../../support/runtime.ts';

/**
 * One stored item that no longer parses (written by an older version, by hand, or, before the horizon bound,
 * a deadline in the year 10000) must not take a tenant down: every list and view reads around it and reports
 * it; only a request for that very item fails.
 */

let env: Awaited<ReturnType<typeof testRuntime>>;
const coordinator = { role: 'coordinator', countries: 'BG' };
const staff = municipalityOf('bg-damaged');
let cycleId: string;
let damagedTaskId: string;
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(warning.message);

beforeAll(async () => {
  env = await testRuntime();
  process.on('warning', onWarning);
  const { contacts: _none, ...body } = municipalityBody({ municipalityId: 'bg-damaged' });
  expect((await call('PUT', '/municipalities/bg-damaged', { claims: coordinator, body })).status).toBe(200);
  const started = await call('POST', '/cycles', {
    claims: coordinator,
    body: { municipalityId: 'bg-damaged', clientToken: 'damaged' },
  });
  cycleId = started.body.cycleId;
  await parkedOn(env.ports, cycleId, 'needs-assessment', env.engine);
  damagedTaskId = `${cycleId}.needs-assessment.r0`;
  // The year-10000 deadline an unbounded extension once stored: the read schema refuses it.
  const dynamo = env.runtime.dynamo;
  if (!dynamo) throw new Error('This test needs the table');
  await dynamo.client.send(
    new UpdateItemCommand({
      TableName: dynamo.tableName,
      Key: { PK: { S: `CYCLE#${cycleId}` }, SK: { S: `TASK#${damagedTaskId}` } },
      UpdateExpression: 'SET dueAt = :far, hardStopAt = :far',
      ExpressionAttributeValues: { ':far': { S: '+010000-01-01T00:00:00.000Z' } },
    }),
  );
}, 60_000);

afterAll(async () => {
  process.off('warning', onWarning);
  await env?.runtime.close();
});

describe('A malformed stored item', () => {
  it('is left out of the inbox, the portfolio, the cycle and the calendar, which all still answer 200', async () => {
    for (const [path, claims, query] of [
      ['/tasks', staff, undefined],
      ['/tasks', coordinator, { scope: 'portfolio' }],
      ['/cycles', coordinator, undefined],
      [`/cycles/${cycleId}`, staff, undefined],
      ['/municipalities/bg-damaged/calendar.ics', staff, undefined],
    ] as const) {
      const answer = await call('GET', path, { claims, ...(query ? { query } : {}) });
      expect(answer.status, `${path} ${JSON.stringify(answer.body)}`).toBe(200);
      const listed = answer.body?.items ?? answer.body?.tasks;
      if (Array.isArray(listed))
        expect(listed.map((item: { taskId?: string }) => item.taskId)).not.toContain(damagedTaskId);
      else if (typeof answer.body === 'string') expect(answer.body).not.toContain(damagedTaskId);
    }
  });

  it('is reported by its key and the fields that do not parse, never their values', () => {
    const reports = warnings.filter((warning) => warning.includes(`TASK#${damagedTaskId}`));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.join('\n')).toContain('dueAt');
    expect(reports.join('\n')).not.toContain('+010000');
  });

  it('fails only a request for that very item, and the sweep goes on around it', async () => {
    const itself = await call('GET', `/tasks/${damagedTaskId}`, { claims: staff });
    expect(itself.status).toBeGreaterThanOrEqual(500);
    expect(JSON.stringify(itself.body)).not.toContain('+010000');
    await expect(sweepDeadlines(env.ports)).resolves.toBeDefined();
  });
});
