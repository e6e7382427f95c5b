import { describe, expect, it } from 'vitest';
import { recordEvent } from '#shared/domain/ops/record-event.ts';
import { givenCycle, givenMunicipality, unitPorts } from '../../../../support/unit-ports.ts';

describe('recordEvent', () => {
  it('appends an event once: a retried step rewrites the same event', async () => {
    const env = unitPorts();
    await givenMunicipality(env.ports);
    const { cycleId } = await givenCycle(env);
    const event = {
      cycleId,
      eventId: 'task.completed:t',
      at: '2027-01-05T00:00:00.000Z',
      type: 'task.completed',
      actor: 'cag',
    };
    await recordEvent(env.ports, event);
    await recordEvent(env.ports, event);
    const audit = (await env.ports.cycles.record(cycleId))?.audit ?? [];
    expect(audit.filter((one) => one.eventId === 'task.completed:t')).toEqual([{ ...event, data: {} }]);
  });
});
