import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { recordEvent } from './audit.ts';
import { type Caller, canSeeTenant, visibleTask } from './caller.ts';
import { isOverdue, planHardStop, toInstant } from './deadlines.ts';
import { addDuration } from './duration.ts';
import type { Task } from './entities.ts';
import {
  ConcurrentUpdateError,
  ConflictError,
  ForbiddenError,
  fieldIssues,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
} from './errors.ts';
import { policyFor, scheduleFor } from './notifications/schedule.ts';
import type { Dependencies, Page } from './ports.ts';
import { Role } from './roles.ts';
import { deliverCompletion, setStatus } from './steps.ts';
import { type TaskOutputName, taskOutputs } from './task-outputs.ts';
import { type CycleTemplate, findTask } from './template.ts';

/** Reading, completing and extending human tasks. */

/** What the API returns for a task: never its token. */
export function taskView(deps: Pick<Dependencies, 'clock' | 'templates'>, task: Task) {
  const { taskToken: _token, ...visible } = task;
  const template = deps.templates(task.templateId);
  const definition = template ? findTask(template, task.phase, task.taskKey) : undefined;
  return {
    ...visible,
    title:
      task.kind === 'stall-resolution'
        ? { en: `Resume or cancel the stalled cycle (${task.taskKey})` }
        : definition?.title,
    overdue: isOverdue(task, deps.clock.now()),
  };
}

/** One task, if the caller may see it. */
export async function getTask(deps: Dependencies, caller: Caller, taskId: string) {
  const task = visibleTask(caller, await deps.store.getTask(taskId), taskId);
  return taskView(deps, task);
}

/** Query of `GET /tasks`. */
export const ListTasksQuery = z.strictObject({
  assignee: Role.optional(),
  municipalityId: z.string().min(1).max(64).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  status: z.literal('OPEN').default('OPEN'),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2_000).optional(),
});

/** A task inbox: open tasks of a role, earliest due first (optionally only the overdue ones). */
export async function listTasks(deps: Dependencies, caller: Caller, query: z.infer<typeof ListTasksQuery>) {
  const now = deps.clock.now().toISOString();
  const options = {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.overdue ? { dueBefore: now } : {}),
  };
  let page: Page<Task>;
  if (caller.role === 'coordinator') {
    const assignee = query.assignee ?? 'coordinator';
    if (assignee === 'coordinator') {
      const countries = query.country ? [query.country] : caller.countries;
      if (countries.some((country) => !caller.countries.includes(country))) return { items: [] };
      const pages = await Promise.all(
        countries.map((country) => deps.store.listInbox(`country:${country}`, assignee, options)),
      );
      page = { items: pages.flatMap((one) => one.items).slice(0, query.limit) };
    } else {
      if (!query.municipalityId) {
        throw new InvalidInputError('Name the municipality whose tasks to list', [
          {
            path: 'municipalityId',
            message: 'required when listing municipality or CAG tasks as a coordinator',
          },
        ]);
      }
      const municipality = await deps.store.getMunicipality(query.municipalityId);
      if (!municipality || !canSeeTenant(caller, municipality)) return { items: [] };
      page = await deps.store.listInbox(query.municipalityId, assignee, options);
    }
  } else {
    if (query.municipalityId && query.municipalityId !== caller.municipalityId) return { items: [] };
    const assignee = query.assignee ?? caller.role;
    if (assignee === 'coordinator') return { items: [] };
    page = await deps.store.listInbox(caller.municipalityId, assignee, options);
  }
  return { ...page, items: page.items.map((task) => taskView(deps, task)) };
}

function parseOutput(outputName: string, body: unknown) {
  const kind = taskOutputs[outputName as TaskOutputName];
  if (!kind) throw new Error(`Unknown output schema ${outputName}`);
  const parsed = kind.schema.safeParse(body);
  if (!parsed.success) {
    throw new InvalidInputError(`The body is not a valid ${outputName}`, fieldIssues(parsed.error.issues));
  }
  return { kind, output: parsed.data as never };
}

/**
 * Completes a task with its output: validated against the task's schema (400) and the template's rules (422),
 * stored once (OPEN → COMPLETED), then sent to the workflow. Repeating the same completion succeeds and
 * re-sends it if the first send failed; a different body for a completed task is 409.
 */
export async function completeTask(deps: Dependencies, caller: Caller, taskId: string, body: unknown) {
  const task = visibleTask(caller, await deps.store.getTask(taskId), taskId);
  if (caller.role !== task.assignee) {
    throw new ForbiddenError(`This task is assigned to the ${task.assignee}, not the ${caller.role}`);
  }
  const cycle = await deps.store.getCycle(task.cycleId);
  const template = cycle ? deps.templates(cycle.templateId) : undefined;
  if (!cycle || !template) throw new NotFoundError(`No cycle ${task.cycleId}`);
  const { kind, output } = parseOutput(task.output, body);
  const violations = 'rules' in kind && kind.rules ? kind.rules(output, template.parameters) : [];
  if (violations.length) throw new RuleViolationError('The output breaks a rule of the template', violations);
  const summary = kind.summarize(output) as Record<string, string>;

  const completed = await markCompleted(deps, task, { completedBy: caller.role, result: output, summary });
  await recordEvent(deps, {
    cycleId: completed.cycleId,
    eventId: `task.completed:${completed.taskId}`,
    at: completed.completedAt ?? deps.clock.now().toISOString(),
    type: 'task.completed',
    actor: caller.role,
    data: { taskId: completed.taskId, ...summary, result: completed.result },
  });
  if (completed.kind === 'stall-resolution' && summary.action === 'resume') {
    const resolution = output as { dueAt: string };
    const stalled = await deps.store.getTask(completed.stalledTaskId ?? '');
    if (stalled?.status === 'OPEN') {
      await extend(
        deps,
        stalled,
        template,
        toInstant(resolution.dueAt),
        'resumed by the coordinator',
        caller.role,
      );
    }
    await setStatus(deps, completed.cycleId, 'RUNNING', ['STALLED']);
  }
  await deliverCompletion(deps, completed);
  return taskView(deps, (await deps.store.getTask(taskId)) ?? completed);
}

/**
 * OPEN → COMPLETED, exactly once. A lost condition re-reads: still OPEN (the workflow only rebound its token)
 * → try again; COMPLETED with the same output → the earlier completion stands (idempotent); else 409.
 */
async function markCompleted(
  deps: Dependencies,
  first: Task,
  completion: { completedBy: Task['completedBy']; result: unknown; summary: Record<string, string> },
): Promise<Task> {
  let task: Task | undefined = first;
  for (let attempt = 0; attempt < 10; attempt++) {
    if (task?.status === 'COMPLETED' && isDeepStrictEqual(task.result, completion.result)) return task;
    if (task?.status !== 'OPEN') throw new ConflictError(`Task ${first.taskId} is ${task?.status ?? 'gone'}`);
    try {
      return await deps.store.updateTask(task, {
        status: 'COMPLETED',
        completedAt: deps.clock.now().toISOString(),
        ...completion,
      });
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      task = await deps.store.getTask(first.taskId);
    }
  }
  throw new ConflictError(`Task ${first.taskId} is changing too often; try again`);
}

/** An extension: the new deadline, and every pending notification moved to the new series. */
function rescheduled(
  deps: Dependencies,
  template: CycleTemplate,
  task: Task,
  dueAt: string,
  hardStopAt: string,
): Partial<Task> {
  const extendedAt = deps.clock.now().toISOString();
  const changes = { dueAt, hardStopAt, extensions: task.extensions + 1, extendedAt };
  const moments = scheduleFor({ ...task, ...changes }, policyFor(template, task));
  const next = moments.find((moment) => moment.at.toISOString() >= extendedAt);
  return { ...changes, notifiedThrough: extendedAt, nextNotificationAt: next?.at.toISOString() };
}

/** Body of `POST /tasks/{id}/extend`. */
export const ExtendTaskBody = z.strictObject({
  dueAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]),
  reason: z.string().trim().min(1).max(1_000),
});

/** A coordinator moves a task's deadline (and its hard stop); a stalled cycle resumes. */
export async function extendTask(
  deps: Dependencies,
  caller: Caller,
  taskId: string,
  body: z.infer<typeof ExtendTaskBody>,
) {
  const task = visibleTask(caller, await deps.store.getTask(taskId), taskId);
  if (caller.role !== 'coordinator') throw new ForbiddenError('Only a coordinator extends deadlines');
  if (task.status !== 'OPEN') throw new ConflictError(`Task ${taskId} is ${task.status}`);
  const dueAt = toInstant(body.dueAt);
  if (new Date(dueAt) <= deps.clock.now()) {
    throw new RuleViolationError('A new deadline must be in the future', [
      { path: 'dueAt', message: 'must be in the future' },
    ]);
  }
  const template = deps.templates(task.templateId);
  if (!template) throw new NotFoundError(`No template ${task.templateId}`);
  const extended = await extend(deps, task, template, dueAt, body.reason, caller.role);
  // The workflow of a stalled cycle waits on the coordinator's resolution task: resolve it as "resume".
  const record = await deps.store.getCycleRecord(task.cycleId);
  const resolution = record?.tasks.find(
    (candidate) => candidate.stalledTaskId === taskId && candidate.status === 'OPEN',
  );
  if (resolution) await completeTask(deps, caller, resolution.taskId, { action: 'resume', dueAt });
  return taskView(deps, extended);
}

async function extend(
  deps: Dependencies,
  task: Task,
  template: CycleTemplate,
  dueAt: string,
  reason: string,
  actor: string,
): Promise<Task> {
  const definition = findTask(template, task.phase, task.taskKey);
  const hardStopAt =
    task.kind === 'stall-resolution' || !definition
      ? addDuration(new Date(dueAt), template.defaults.stallResolution.hardStopAfter).toISOString()
      : planHardStop(template, definition, new Date(dueAt)).toISOString();
  // A repeated extension to the same date changes nothing and rewrites the same audit event.
  const extended =
    task.dueAt === dueAt
      ? task
      : await deps.store.updateTask(task, rescheduled(deps, template, task, dueAt, hardStopAt));
  await recordEvent(deps, {
    cycleId: task.cycleId,
    eventId: `task.extended:${task.taskId}:${extended.extensions}`,
    at: extended.extendedAt ?? deps.clock.now().toISOString(),
    type: 'task.extended',
    actor,
    data: { taskId: task.taskId, previousDueAt: task.dueAt, dueAt, hardStopAt, reason },
  });
  return extended;
}
