import { cycleProgress } from '#shared/domain/model/cycle-progress.ts';
import { isOverdue, type Task } from '#shared/domain/model/task.ts';
import { taskTitle } from '#shared/domain/notifications/catalogs/task-title.ts';
import type { CycleRecord, Ports } from '#shared/domain/ports.ts';

/**
 * What the API returns for tasks and cycles: never a task token; titles, "overdue", the municipality's name and
 * the phases against their plan added for people.
 */

type ViewPorts = Pick<Ports, 'clock' | 'templates' | 'municipalities'>;

/** A task as the API returns it. */
export function taskView(
  ports: Pick<Ports, 'clock' | 'templates'>,
  task: Task,
  municipalityName?: string | undefined,
) {
  const { taskToken: _token, ...visible } = task;
  return {
    ...visible,
    ...(municipalityName ? { municipalityName } : {}),
    // A stall task's title names the stalled task, in every catalogue language.
    title: taskTitle(ports.templates.get(task.templateId, task.templateVersion), task),
    overdue: isOverdue(task, ports.clock.now()),
  };
}

/** The names of some municipalities, each read once (a page of tasks names a handful). */
async function municipalityNames(
  ports: Pick<Ports, 'municipalities'>,
  municipalityIds: Iterable<string>,
): Promise<Map<string, string>> {
  const ids = [...new Set(municipalityIds)];
  const found = await Promise.all(ids.map((id) => ports.municipalities.get(id)));
  return new Map(
    found.flatMap((municipality) => (municipality ? [[municipality.municipalityId, municipality.name]] : [])),
  );
}

/** Tasks as the API returns them, each with its municipality's name. */
export async function taskViews(ports: ViewPorts, tasks: readonly Task[]) {
  const names = await municipalityNames(
    ports,
    tasks.map((task) => task.municipalityId),
  );
  return tasks.map((task) => taskView(ports, task, names.get(task.municipalityId)));
}

/** One task as the API returns it, with its municipality's name. */
export async function namedTaskView(ports: ViewPorts, task: Task) {
  const [view] = await taskViews(ports, [task]);
  return view as ReturnType<typeof taskView>;
}

/** A cycle with its phases (in the order they ran, against their plan), tasks and audit trail. */
export async function cycleView(ports: ViewPorts, record: CycleRecord) {
  const { cycle } = record;
  const names = await municipalityNames(ports, [cycle.municipalityId]);
  const municipalityName = names.get(cycle.municipalityId);
  const template = ports.templates.get(cycle.templateId, cycle.templateVersion);
  return {
    ...cycle,
    ...(municipalityName ? { municipalityName } : {}),
    phases: cycleProgress(cycle, template, record.phases, record.tasks, ports.clock.now()).phases,
    tasks: record.tasks.map((task) => taskView(ports, task, municipalityName)),
    audit: record.audit,
  };
}
