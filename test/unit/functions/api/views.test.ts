import { describe, expect, it } from 'vitest';
import { taskView } from '#functions/api/views.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { givenCycle, givenMunicipality, runPhase, stallOn, unitPorts } from '../../../support/unit-ports.ts';

describe('taskView', () => {
  it('titles a stall task in every language after the task that stalled, and never shows a token', async () => {
    const env = unitPorts();
    await givenMunicipality(env.ports);
    const [assessment] = (await runPhase(env, await givenCycle(env), 'assessment')) as [Task];
    const view = taskView(env.ports, await stallOn(env, assessment));
    expect(view.title).toMatchObject({
      en: 'Resume or cancel the stalled cycle: Submit the needs assessment',
      bg: 'Възобновете или прекратете спрелия цикъл: Подайте оценката на нуждите',
    });
    expect(Object.keys(view.title ?? {}).sort()).toEqual(['bg', 'en', 'hu', 'it', 'ro', 'sk']);
    expect(view).not.toHaveProperty('taskToken');
    expect(view.overdue).toBe(false);
  });
});
