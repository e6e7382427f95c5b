import {
  ForbiddenError,
  fieldIssues,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
} from '../../errors.ts';
import { actorOf } from '../../model/actor.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import type { Task } from '../../model/task.ts';
import { type TaskOutputName, taskOutputs } from '../../model/task-outputs.ts';
import type { NoticePorts } from '../../ops/notify-people.ts';
import { outputContextFor } from '../../ops/output-context.ts';
import { recordCompletion } from '../../ops/record-completion.ts';
import type { Ports } from '../../ports.ts';

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
export async function completeTask(
  deps: Pick<Ports, 'tasks' | 'cycles' | 'municipalities' | 'audit' | 'engine' | 'clock' | 'templates'> &
    NoticePorts,
  caller: Caller,
  taskId: string,
  body: unknown,
): Promise<Task> {
  const task = visibleTask(caller, await deps.tasks.get(taskId), taskId);
  if (caller.role !== task.assignee) {
    throw new ForbiddenError(`This task is assigned to the ${task.assignee}, not the ${caller.role}`);
  }
  const cycle = await deps.cycles.get(task.cycleId);
  const template = cycle ? deps.templates.get(cycle.templateId, cycle.templateVersion) : undefined;
  if (!cycle || !template) throw new NotFoundError(`No cycle ${task.cycleId}`);
  const timeZone = cycle.timeZone ?? (await deps.municipalities.get(cycle.municipalityId))?.timeZone ?? 'UTC';
  const { kind, output } = parseOutput(task.output, body);
  const context = await outputContextFor(deps, task, cycle, template, timeZone, kind);
  const violations = 'rules' in kind && kind.rules ? kind.rules(output, context) : [];
  if (violations.length) throw new RuleViolationError('The output breaks a rule of the template', violations);
  const summary = kind.summarize(output) as Record<string, string>;
  return recordCompletion(
    deps,
    task,
    { ...cycle, timeZone },
    template,
    { completedBy: caller.role, result: output, summary },
    actorOf(caller),
  );
}
