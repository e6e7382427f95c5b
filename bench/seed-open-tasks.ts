import type { Task } from '#shared/domain/model/task.ts';
import type { TaskRepository } from '#shared/domain/ports.ts';

/**
 * Fills a store with `count` open tasks of one municipality, of which `due` have a notification due at
 * `now` and the rest months later: the sweep-scaling scenario of the benchmark and the tests.
 */
export async function seedOpenTasks(
  tasks: Pick<TaskRepository, 'create'>,
  options: { count: number; due: number; municipalityId: string; now: string },
) {
  const base: Omit<Task, 'taskId' | 'revision' | 'dueAt' | 'nextNotificationAt'> = {
    cycleId: 'cyc-scale',
    templateId: 'romact-core',
    municipalityId: options.municipalityId,
    country: 'BG',
    phase: 'assessment',
    taskKey: 'needs-assessment',
    kind: 'task',
    assignee: 'municipality',
    output: 'needs-assessment',
    status: 'OPEN',
    hardStopAt: '2028-01-01T00:00:00.000Z',
    openedAt: options.now,
    notifiedThrough: options.now,
    tokenDelivered: false,
    extensions: 0,
    version: 1,
  };
  const later = (days: number) => new Date(Date.parse(options.now) + days * 86_400_000).toISOString();
  const writes: Promise<unknown>[] = [];
  for (let index = 0; index < options.count; index++) {
    const isDue = index < options.due;
    writes.push(
      tasks.create({
        ...base,
        taskId: `cyc-scale.needs-assessment.r${index}`,
        revision: index,
        dueAt: isDue ? later(14) : later(331),
        nextNotificationAt: isDue ? options.now : later(317),
      }),
    );
    // As many at once as the SDK has sockets (50): more only queue, and the SDK warns about it.
    if (writes.length >= 50) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}
