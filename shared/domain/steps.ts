import { createHash } from 'node:crypto';
import { recordEvent } from './audit.ts';
import { startCycle } from './cycles.ts';
import { planDueAt, planHardStop, requestFor, type TaskRequest, taskIdOf } from './deadlines.ts';
import { addDuration } from './duration.ts';
import type { Cycle, CycleStatus, Task } from './entities.ts';
import { liveStatuses } from './entities.ts';
import { ConcurrentUpdateError, NotFoundError } from './errors.ts';
import { notifyTasks } from './notifications/sweep.ts';
import type { Dependencies } from './ports.ts';
import { TaskTokenGoneError } from './ports.ts';
import { type CycleTemplate, findPhase, findTask } from './template.ts';

/** The use cases behind the state machine's Lambda steps. Each is safe to run twice. */

const SYSTEM = 'workflow';

async function loadCycle(
  deps: Dependencies,
  cycleId: string,
): Promise<{ cycle: Cycle; template: CycleTemplate }> {
  const cycle = await deps.store.getCycle(cycleId);
  if (!cycle) throw new NotFoundError(`No cycle ${cycleId}`);
  const template = deps.templates(cycle.templateId);
  if (!template) throw new NotFoundError(`Cycle ${cycleId} uses unknown template ${cycle.templateId}`);
  return { cycle, template };
}

/** Updates a cycle, re-reading and retrying when another writer got there first. */
async function changeCycle(
  deps: Dependencies,
  cycleId: string,
  change: (cycle: Cycle) => Partial<Cycle> | undefined,
): Promise<Cycle> {
  for (let attempt = 0; ; attempt++) {
    const cycle = await deps.store.getCycle(cycleId);
    if (!cycle) throw new NotFoundError(`No cycle ${cycleId}`);
    const changes = change(cycle);
    if (!changes) return cycle;
    try {
      return await deps.store.updateCycle(cycle, { ...changes, updatedAt: deps.clock.now().toISOString() });
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= 5) throw error;
    }
  }
}

/** A phase starts: record it once, point the cycle at it, and plan its tasks' deadlines from its start. */
export async function phaseStarted(
  deps: Dependencies,
  input: { cycleId: string; phase: string; revision: number; executionId: string },
): Promise<{ tasks: TaskRequest[] }> {
  const { cycle, template } = await loadCycle(deps, input.cycleId);
  const found = findPhase(template, input.phase);
  if (!found) throw new NotFoundError(`Template ${template.id} has no phase ${input.phase}`);
  const proposedStart = deps.clock.now().toISOString();
  const run = await deps.store.startPhase({
    cycleId: cycle.cycleId,
    phase: input.phase,
    revision: input.revision,
    startedAt: proposedStart,
  });
  if (run.startedAt === proposedStart) {
    await deps.notifier.publish({
      type: 'cycle.phase-changed',
      at: run.startedAt,
      detail: {
        cycleId: cycle.cycleId,
        municipalityId: cycle.municipalityId,
        phase: input.phase,
        revision: input.revision,
      },
    });
  }
  await changeCycle(deps, cycle.cycleId, (current) =>
    current.currentPhase === input.phase &&
    current.revision === input.revision &&
    current.executionId === input.executionId
      ? undefined
      : { currentPhase: input.phase, revision: input.revision, executionId: input.executionId },
  );
  await recordEvent(deps, {
    cycleId: cycle.cycleId,
    eventId: `phase.started:${input.phase}:r${input.revision}`,
    at: run.startedAt,
    type: 'phase.started',
    actor: SYSTEM,
    data: { phase: input.phase, revision: input.revision },
  });
  const startedAt = new Date(run.startedAt);
  const tasks = found.phase.tasks.map((taskTemplate) => {
    const taskId = taskIdOf(cycle.cycleId, taskTemplate.key, input.revision);
    const dueAt = planDueAt(cycle, taskTemplate, startedAt);
    const hardStopAt = planHardStop(template, taskTemplate, dueAt);
    return {
      taskId,
      dueAt: dueAt.toISOString(),
      hardStopAt: hardStopAt.toISOString(),
      taskKey: taskTemplate.key,
    };
  });
  // A task already opened (a restart, a resume) keeps its stored, possibly extended, deadline.
  const stored = await Promise.all(tasks.map((task) => deps.store.getTask(task.taskId)));
  return {
    tasks: tasks.map((planned, index) => {
      const existing = stored[index];
      return requestFor(
        existing ?? {
          ...planned,
          cycleId: cycle.cycleId,
          phase: input.phase,
          revision: input.revision,
          kind: 'task',
        },
        deps.clock,
        deps.maxTimerSeconds,
      );
    }),
  };
}

/**
 * The workflow waits on a human task: store it with its token (once), or, when it exists, only rebind the
 * token. A task completed while nobody listened (its token had expired) is delivered on the new token.
 */
export async function openTask(
  deps: Dependencies,
  input: TaskRequest & { taskToken: string },
): Promise<{ taskId: string; created: boolean }> {
  const { cycle, template } = await loadCycle(deps, input.cycleId);
  const taskTemplate = findTask(template, input.phase, input.taskKey);
  if (!taskTemplate)
    throw new NotFoundError(`Template ${template.id} has no task ${input.phase}/${input.taskKey}`);
  const isStall = input.kind === 'stall-resolution';
  const now = deps.clock.now().toISOString();
  const { task, created } = await deps.store.createTask({
    taskId: input.taskId,
    cycleId: cycle.cycleId,
    templateId: cycle.templateId,
    municipalityId: cycle.municipalityId,
    country: cycle.country,
    phase: input.phase,
    taskKey: input.taskKey,
    revision: input.revision,
    kind: input.kind,
    assignee: isStall ? 'coordinator' : taskTemplate.assignee,
    output: isStall ? 'stall-resolution' : taskTemplate.output,
    status: 'OPEN',
    dueAt: input.dueAt,
    hardStopAt: input.hardStopAt,
    openedAt: now,
    nextNotificationAt: now,
    taskToken: input.taskToken,
    tokenDelivered: false,
    extensions: 0,
    version: 1,
    ...(isStall ? { stalledTaskId: taskIdOf(cycle.cycleId, input.taskKey, input.revision) } : {}),
  });
  if (created) {
    await recordEvent(deps, {
      cycleId: cycle.cycleId,
      eventId: `task.opened:${task.taskId}`,
      at: task.openedAt,
      type: 'task.opened',
      actor: SYSTEM,
      data: {
        taskId: task.taskId,
        phase: task.phase,
        taskKey: task.taskKey,
        assignee: task.assignee,
        dueAt: task.dueAt,
      },
    });
    await announce(deps, task);
    return { taskId: task.taskId, created };
  }
  const rebound = await rebindToken(deps, task, input.taskToken);
  if (rebound.status === 'COMPLETED' && rebound.summary) {
    await deliverCompletion(deps, rebound);
  }
  return { taskId: task.taskId, created: false };
}

/**
 * Tells the assignee now rather than at the next sweep. If it fails, the task is already in the sweep index
 * (its next notification is its opening), so the sweeper delivers it: opening the task never fails for it.
 */
async function announce(deps: Dependencies, task: Task): Promise<void> {
  try {
    await notifyTasks(deps, [task], deps.clock.now());
  } catch {
    // The sweep retries; the task stays open either way.
  }
}

/**
 * Points a task at the token the workflow now waits on. A completion may land between our read and our write
 * (a resumed execution races the user), so a lost condition re-reads and tries again.
 */
async function rebindToken(deps: Dependencies, first: Task, taskToken: string): Promise<Task> {
  let task = first;
  for (let attempt = 0; ; attempt++) {
    if (task.taskToken === taskToken) return task;
    try {
      return await deps.store.updateTask(task, { taskToken, tokenDelivered: false }, { allowClosed: true });
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= 10) throw error;
      const current = await deps.store.getTask(task.taskId);
      if (!current) throw error;
      task = current;
    }
  }
}

/** Sends a completed task's summary on its current token; a dead token waits for the next rebind. */
export async function deliverCompletion(deps: Dependencies, task: Task): Promise<boolean> {
  if (!task.taskToken || task.tokenDelivered) return task.tokenDelivered;
  try {
    await deps.engine.sendTaskSuccess(task.taskToken, { taskId: task.taskId, ...task.summary });
  } catch (error) {
    if (error instanceof TaskTokenGoneError) return false;
    throw error;
  }
  try {
    await deps.store.updateTask(task, { tokenDelivered: true }, { allowClosed: true });
  } catch (error) {
    // Delivered; a lost flag only means a later rebind sends it again, which the engine ignores.
    if (!(error instanceof ConcurrentUpdateError)) throw error;
  }
  return true;
}

/** What the workflow does when a task's timer fires. */
export interface DeadlineDecision {
  action: 'wait' | 'stall' | 'abandon';
  request: TaskRequest;
}

/** A task's timer fired: wait again (extended, or the timer was capped), stall the cycle, or give up. */
export async function deadlineCheck(
  deps: Dependencies,
  input: { request: TaskRequest },
): Promise<DeadlineDecision> {
  const { request } = input;
  const { cycle, template } = await loadCycle(deps, request.cycleId);
  const now = deps.clock.now();
  const wait = (task: Task): DeadlineDecision => ({
    action: 'wait',
    request: requestFor(task, deps.clock, deps.maxTimerSeconds),
  });
  const task = await deps.store.getTask(request.taskId);
  if (!task) throw new NotFoundError(`No task ${request.taskId}`);

  if (task.kind === 'stall-resolution') {
    const stalled = await deps.store.getTask(task.stalledTaskId ?? '');
    if (!stalled) throw new NotFoundError(`No stalled task ${task.stalledTaskId}`);
    // Resumed (by the resolution, or by an extension of the stalled task): wait on the original again.
    if (stalled.status !== 'OPEN' || new Date(stalled.hardStopAt) > now) {
      if (task.status === 'OPEN') await cancelTask(deps, task, 'superseded');
      await setStatus(deps, cycle.cycleId, 'RUNNING', ['STALLED']);
      return wait(stalled);
    }
    if (task.status === 'OPEN' && new Date(task.hardStopAt) > now) {
      return { action: 'stall', request: requestFor(task, deps.clock, deps.maxTimerSeconds) };
    }
    if (task.status === 'OPEN') await cancelTask(deps, task, 'expired');
    return { action: 'abandon', request };
  }

  // Completed while the token was gone, or the timer was capped / the deadline extended: wait again.
  if (task.status !== 'OPEN' || new Date(task.hardStopAt) > now) return wait(task);

  const stallTemplate = template.defaults.stallResolution;
  const stallDue = addDuration(now, stallTemplate.due);
  const stallHardStop = addDuration(stallDue, stallTemplate.hardStopAfter);
  const stallTaskId = `${task.taskId}.stall-${Math.floor(new Date(task.hardStopAt).getTime() / 1000)}`;
  const stalledCycle = await setStatus(deps, cycle.cycleId, 'STALLED', ['RUNNING']);
  await recordEvent(deps, {
    cycleId: cycle.cycleId,
    eventId: `cycle.stalled:${stallTaskId}`,
    at: task.hardStopAt,
    type: 'cycle.stalled',
    actor: SYSTEM,
    data: { taskId: task.taskId, hardStopAt: task.hardStopAt, status: stalledCycle.status },
  });
  const existing = await deps.store.getTask(stallTaskId);
  const stallTask: Pick<
    Task,
    'taskId' | 'cycleId' | 'phase' | 'taskKey' | 'revision' | 'kind' | 'dueAt' | 'hardStopAt'
  > = existing ?? {
    taskId: stallTaskId,
    cycleId: task.cycleId,
    phase: task.phase,
    taskKey: task.taskKey,
    revision: task.revision,
    kind: 'stall-resolution',
    dueAt: stallDue.toISOString(),
    hardStopAt: stallHardStop.toISOString(),
  };
  return { action: 'stall', request: requestFor(stallTask, deps.clock, deps.maxTimerSeconds) };
}

/** Moves a live cycle to `status` if it is in one of `from`; a repeat changes nothing. */
export async function setStatus(
  deps: Dependencies,
  cycleId: string,
  status: CycleStatus,
  from: readonly CycleStatus[],
  extra: Partial<Cycle> = {},
): Promise<Cycle> {
  return changeCycle(deps, cycleId, (cycle) =>
    from.includes(cycle.status) ? { status, ...extra } : undefined,
  );
}

/** Cancels an open task (the cycle ended, or a stall was superseded). */
export async function cancelTask(deps: Dependencies, task: Task, reason: string): Promise<void> {
  if (task.status !== 'OPEN') return;
  const at = deps.clock.now().toISOString();
  let cancelled: Task;
  try {
    cancelled = await deps.store.updateTask(task, { status: 'CANCELLED', cancelledAt: at });
  } catch (error) {
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    const current = await deps.store.getTask(task.taskId);
    if (current?.status !== 'CANCELLED' || !current.cancelledAt) return;
    cancelled = current;
  }
  await recordEvent(deps, {
    cycleId: task.cycleId,
    eventId: `task.cancelled:${task.taskId}`,
    at: cancelled.cancelledAt ?? at,
    type: 'task.cancelled',
    actor: SYSTEM,
    data: { taskId: task.taskId, reason },
  });
}

/** A phase ended: record it, and say whether this execution is old enough to chain to a fresh one. */
export async function phaseEnded(
  deps: Dependencies,
  input: { cycleId: string; phase: string; revision: number; results: unknown[]; executionStartedAt: string },
): Promise<{ chain: boolean; chainName: string }> {
  const { cycle, template } = await loadCycle(deps, input.cycleId);
  const now = deps.clock.now();
  const run = await deps.store.startPhase({
    cycleId: cycle.cycleId,
    phase: input.phase,
    revision: input.revision,
    startedAt: now.toISOString(),
  });
  const ended = run.endedAt ? run : await deps.store.endPhase(run, now.toISOString());
  const decisions = input.results
    .map((result) =>
      typeof result === 'object' && result !== null ? (result as Record<string, unknown>) : {},
    )
    .filter((result) => result.decision !== undefined)
    .map((result) => ({ taskId: result.taskId, decision: result.decision }));
  await recordEvent(deps, {
    cycleId: cycle.cycleId,
    eventId: `phase.ended:${input.phase}:r${input.revision}`,
    at: ended.endedAt ?? now.toISOString(),
    type: 'phase.ended',
    actor: SYSTEM,
    data: { phase: input.phase, revision: input.revision, ...(decisions.length ? { decisions } : {}) },
  });
  const chainAt = addDuration(new Date(input.executionStartedAt), template.defaults.chainAfter);
  const chainName = executionNameFor(`${cycle.cycleId}-${input.phase}-r${input.revision}`);
  return { chain: now >= chainAt, chainName };
}

/** Step Functions execution names: at most 80 characters of [A-Za-z0-9-_]. */
export function executionNameFor(wanted: string): string {
  const clean = wanted.replace(/[^A-Za-z0-9_-]/g, '-');
  if (clean.length <= 80) return clean;
  const hash = createHash('sha256').update(clean).digest('hex').slice(0, 12);
  return `${clean.slice(0, 67)}-${hash}`;
}

const finalStatus = {
  COMPLETED: 'COMPLETED',
  PLAN_REJECTED: 'PLAN_REJECTED',
  CANCELLED: 'CANCELLED',
  ABANDONED: 'ABANDONED',
} as const satisfies Record<string, CycleStatus>;

/** The cycle ended: record its outcome once and cancel whatever is still open (the other approver's task). */
export async function finishCycle(
  deps: Dependencies,
  input: { cycleId: string; outcome: keyof typeof finalStatus },
): Promise<{ status: CycleStatus }> {
  const cycle = await endCycle(deps, input.cycleId, finalStatus[input.outcome], 'cycle ended', {
    eventId: 'cycle.finished',
    type: 'cycle.finished',
    actor: SYSTEM,
    data: { outcome: finalStatus[input.outcome] },
  });
  await deps.notifier.publish({
    type: 'cycle.completed',
    at: cycle.endedAt ?? deps.clock.now().toISOString(),
    detail: { cycleId: cycle.cycleId, municipalityId: cycle.municipalityId, outcome: cycle.status },
  });
  return { status: cycle.status };
}

/**
 * Ends a live cycle: its final status once, its open tasks cancelled, and one audit event timestamped by the
 * end. Every write is repeatable, so a retry after a crash completes what is missing and adds nothing.
 */
export async function endCycle(
  deps: Dependencies,
  cycleId: string,
  status: CycleStatus,
  reason: string,
  event: { eventId: string; type: string; actor: string; data: Record<string, unknown> },
): Promise<Cycle> {
  const now = deps.clock.now().toISOString();
  const cycle = await setStatus(deps, cycleId, status, [...liveStatuses], { endedAt: now });
  await closeOpenTasks(deps, cycleId, reason);
  await recordEvent(deps, { cycleId, at: cycle.endedAt ?? now, ...event });
  return cycle;
}

/** Cancels every open task of a cycle. */
export async function closeOpenTasks(deps: Dependencies, cycleId: string, reason: string): Promise<void> {
  const record = await deps.store.getCycleRecord(cycleId);
  for (const task of record?.tasks ?? []) {
    if (task.status === 'OPEN') await cancelTask(deps, task, reason);
  }
}

/** A step failed: mark the cycle FAILED and keep only the error's name and a short cause (no payloads). */
export async function recordFailure(
  deps: Dependencies,
  input: { cycleId: string; error: { Error?: string; Cause?: string } },
): Promise<void> {
  await endCycle(deps, input.cycleId, 'FAILED', 'cycle failed', {
    eventId: 'cycle.failed',
    type: 'cycle.failed',
    actor: SYSTEM,
    data: { error: input.error.Error ?? 'Unknown', cause: (input.error.Cause ?? '').slice(0, 300) },
  });
}

/** The review chose `next-cycle`: start the same municipality's next cycle (once; the client token is fixed). */
export async function startNextCycle(
  deps: Dependencies,
  input: { cycleId: string },
): Promise<{ nextCycleId: string }> {
  const { cycle } = await loadCycle(deps, input.cycleId);
  const next = await startCycle(
    deps,
    { role: 'coordinator', countries: [cycle.country] },
    {
      municipalityId: cycle.municipalityId,
      templateId: cycle.templateId,
      clientToken: `next-of-${cycle.cycleId}`,
      previousCycleId: cycle.cycleId,
    },
    SYSTEM,
  );
  await changeCycle(deps, cycle.cycleId, (current) =>
    current.nextCycleId === next.cycleId ? undefined : { nextCycleId: next.cycleId },
  );
  return { nextCycleId: next.cycleId };
}
