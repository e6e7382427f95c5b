import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '#functions/shared/logger.ts';
import { readConfig } from '#infra/local/config.ts';
import { startSweeper } from '#infra/local/sweeper-timer.ts';
import { call, coordinatorBG } from '../../../support/api.ts';
import { municipalityFixture, parkedOn, testRuntime } from '../../../support/runtime.ts';

const DAY = 86_400_000;
let env: Awaited<ReturnType<typeof testRuntime>>;
beforeEach(async () => {
  env = await testRuntime();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await env.runtime.close();
});

/** Runs the timer's first sweep (it sweeps at once) and stops it. */
async function sweepOnce() {
  const sweeper = startSweeper(
    readConfig({}),
    () => 60_000,
    () => env.runtime.sweep(),
  );
  await sweeper.stop();
}

const sweepLines = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter(([message]) => message === 'sweep done');

describe('The sweeper timer: its log', () => {
  it('logs nothing at info level for sweeps that found nothing to do', async () => {
    const info = vi.spyOn(logger, 'info');
    for (let second = 0; second < 5; second++) await sweepOnce();
    expect(sweepLines(info)).toEqual([]);
  });

  it('logs a sweep that sent something', async () => {
    const { municipalityId: id, updatedAt: _at, version: _version, ...body } = municipalityFixture();
    await call('PUT', `/municipalities/${id}`, { claims: coordinatorBG, body });
    const cycleId = (
      await call('POST', '/cycles', {
        claims: coordinatorBG,
        body: { municipalityId: id, clientToken: 'sweep-log' },
      })
    ).body.cycleId;
    await parkedOn(env.ports, cycleId, 'needs-assessment', env.engine);
    await sweepOnce(); // the assignment notice
    const info = vi.spyOn(logger, 'info');
    env.clock.advance(46 * DAY); // the first reminder is due

    await sweepOnce();

    expect(sweepLines(info)).toHaveLength(1);
    expect(sweepLines(info)[0]?.[1]).toMatchObject({ messages: 1 });
  });
});
