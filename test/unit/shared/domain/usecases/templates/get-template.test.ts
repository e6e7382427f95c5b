import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import { localDate } from '#shared/domain/model/dates.ts';
import { exampleOf } from '#shared/domain/model/output-json-schema.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { completeTask } from '#shared/domain/usecases/tasks/complete-task.ts';
import { getTemplate } from '#shared/domain/usecases/templates/get-template.ts';
import {
  callers,
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  stallOn,
  stored,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

const callerOf = { municipality: callers.municipality, cag: callers.cag, coordinator: callers.coordinator };

describe('getTemplate', () => {
  it('words the template in the language asked for: phases with their kind, tasks with what they ask', async () => {
    const { ports } = unitPorts();
    const template = await getTemplate(ports, 'romact-core', 'bg');

    expect(template).toMatchObject({
      id: 'romact-core',
      version: 1,
      locale: 'bg',
      title: 'Основен цикъл ROMACT',
    });
    expect(template.phases.map((phase) => [phase.key, phase.kind, phase.title])).toEqual([
      ['assessment', 'tasks', 'Оценка на нуждите'],
      ['consultation', 'tasks', 'Консултация с общността'],
      ['plan-approval', 'approval', 'Съвместно одобрение на плана'],
      ['funding', 'tasks', 'Кандидатстване за финансиране'],
      ['review', 'tasks', 'Мониторинг и преглед'],
    ]);
    expect(template.phases[2]?.approval).toEqual({ backTo: 'consultation', maxRevisions: 2 });
    expect(template.phases[3]?.tasks[0]).toEqual({
      key: 'funding-applications',
      title: 'Подайте заявленията за финансиране',
      description:
        'Подадените заявления за финансиране на плана за действие или защо не е подадено нито едно.',
      assignee: 'municipality',
      output: 'funding-applications',
      due: { after: 'P60D', unlessDate: 'fundingCallClosesAt' },
      hardStopAfter: 'P30D',
    });
  });

  it('gives the schema of every output its tasks produce, and of the coordinator’s answer to a stall', async () => {
    const { ports } = unitPorts();
    const template = await getTemplate(ports, 'critical-friend', 'it');
    expect(Object.keys(template.outputs).sort()).toEqual([
      'approval-decision',
      'self-assessment',
      'stall-resolution',
      'visit-report',
    ]);
    expect(template.outputs['visit-report']?.schema).toMatchObject({
      type: 'object',
      title: 'Rapporto della visita',
      properties: { visitedOn: { type: 'string', format: 'date', title: 'Data della visita' } },
    });
    expect(template.stallResolution).toEqual({
      output: 'stall-resolution',
      due: 'P7D',
      hardStopAfter: 'P14D',
    });
  });

  it('answers an unknown template with 404', async () => {
    const { ports } = unitPorts();
    expect(await rejection(getTemplate(ports, 'no-such-template', 'en'))).toBeInstanceOf(NotFoundError);
  });

  it('serves examples with today’s date that complete every task of a cycle, the stall task too', async () => {
    const env = unitPorts();
    await givenMunicipality(env.ports);
    const cycle = await givenCycle(env, { dates: { fundingCallClosesAt: '2027-09-30' } });
    const template = await getTemplate(env.ports, 'romact-core', 'bg');
    const completeFromExample = async (task: Task) => {
      const today = localDate(env.clock.now(), 'Europe/Sofia');
      const schema = template.outputs[task.output as keyof typeof template.outputs]?.schema ?? {};
      await completeTask(env.ports, callerOf[task.assignee], task.taskId, exampleOf(schema, today));
      expect((await stored(env.ports, task.taskId)).status).toBe('COMPLETED');
    };

    for (const phase of template.phases) {
      for (const task of await runPhase(env, cycle, phase.key)) await completeFromExample(task);
    }
    const [late] = (await runPhase(env, cycle, 'assessment', 1)) as [Task];
    const stall = await stallOn(env, late);
    await completeFromExample(stall);
  });
});
