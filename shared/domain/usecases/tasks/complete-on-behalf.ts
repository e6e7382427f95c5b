import { createHash } from 'node:crypto';
import * as z from 'zod';
import { addDuration } from '../../duration.ts';
import {
  ConflictError,
  ForbiddenError,
  fieldIssues,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
} from '../../errors.ts';
import { appLinks } from '../../model/app-links.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import { CalendarDate } from '../../model/dates.ts';
import type { Task } from '../../model/task.ts';
import { type TaskOutputName, taskOutputs, withinCycle } from '../../model/task-outputs.ts';
import { deliveryChannels } from '../../model/user.ts';
import { fillPeople, peopleCatalogs } from '../../notifications/catalogs/people.ts';
import { sendAfterFor } from '../../notifications/recipients.ts';
import { dispatchMessages } from '../../ops/dispatch-messages.ts';
import { finalizeEntry } from '../../ops/finalize-entry.ts';
import type { NoticePorts } from '../../ops/notify-people.ts';
import { shortCodeOf } from '../../ops/notify-tasks.ts';
import { outputContextFor } from '../../ops/output-context.ts';
import { recordEvent } from '../../ops/record-event.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/** Body of `POST /tasks/{id}/complete-on-behalf`. */
export const CompleteOnBehalfBody = z.strictObject({
  /** The task's output, as the CAG members present gave it. */
  output: z.unknown(),
  /** The CAG members present, whose entry this is (their user ids). */
  onBehalfOf: z.array(z.string().min(1).max(100)).min(1).max(50),
  consent: z.strictObject({
    method: z.enum(['verbal', 'written', 'other']),
    givenOn: CalendarDate,
    reference: z.string().trim().min(1).max(200).optional(),
  }),
});

/** The objection window when the template names none. */
const DEFAULT_OBJECTION_WINDOW = 'P3D';

/**
 * Assisted entry: municipal staff or a coordinator records a CAG task for the CAG members who were present, with
 * their consent recorded. The members named are told by message (SMS for a phone-only member) that an entry was
 * made in their name; it completes the task when the template's objection window has passed, unless one of them
 * objects first. The audit trail shows who entered it, and for whom.
 */
export async function completeOnBehalf(
  deps: Pick<
    Ports,
    'tasks' | 'cycles' | 'municipalities' | 'users' | 'audit' | 'engine' | 'clock' | 'templates'
  > &
    NoticePorts,
  caller: Caller,
  taskId: string,
  body: z.infer<typeof CompleteOnBehalfBody>,
): Promise<Task> {
  const task = visibleTask(caller, await deps.tasks.get(taskId), taskId);
  if (caller.role === 'cag') throw new ForbiddenError('CAG members complete their tasks themselves');
  if (!caller.userId) throw new ForbiddenError('An entry on someone’s behalf is made by a signed-in person');
  if (task.assignee !== 'cag') {
    throw new RuleViolationError('Only a CAG task is entered on the CAG’s behalf', [
      { path: 'taskId', message: `is the ${task.assignee}’s task` },
    ]);
  }
  if (task.status !== 'OPEN') throw new ConflictError(`Task ${taskId} is ${task.status}`);
  if (task.pendingEntry)
    throw new ConflictError('An entry on the CAG’s behalf is already waiting for objections');
  const cycle = await deps.cycles.get(task.cycleId);
  const template = cycle ? deps.templates.get(cycle.templateId, cycle.templateVersion) : undefined;
  const municipality = await deps.municipalities.get(task.municipalityId);
  if (!cycle || !template || !municipality) throw new NotFoundError(`No cycle ${task.cycleId}`);

  const kind = taskOutputs[task.output as TaskOutputName];
  if (!kind) throw new Error(`Unknown output schema ${task.output}`);
  const parsed = kind.schema.safeParse(body.output);
  if (!parsed.success)
    throw new InvalidInputError('The output is not valid', fieldIssues(parsed.error.issues, 'output'));
  const now = deps.clock.now();
  const context = await outputContextFor(deps, task, cycle, template, municipality.timeZone, kind);
  const violations = [
    ...('rules' in kind && kind.rules ? kind.rules(parsed.data as never, context) : []).map((violation) => ({
      ...violation,
      path: `output.${violation.path}`,
    })),
    // Consent is given at the cycle's work, like a meeting's date: never in the future nor from another decade.
    ...withinCycle(body.consent.givenOn, 'consent.givenOn', context),
  ];
  const members = (await deps.users.membersOf(task.municipalityId)).filter((one) => one.role === 'cag');
  const named = [];
  for (const [index, userId] of body.onBehalfOf.entries()) {
    // The audit trail and the notices list each person present once.
    if (body.onBehalfOf.indexOf(userId) !== index) {
      violations.push({ path: `onBehalfOf.${index}`, message: 'names the same person twice' });
      continue;
    }
    const user = members.some((one) => one.userId === userId) ? await deps.users.get(userId) : undefined;
    if (!user || user.status !== 'ACTIVE') {
      violations.push({ path: `onBehalfOf.${index}`, message: 'is not a CAG member of this municipality' });
    } else named.push(user);
  }
  if (violations.length) throw new RuleViolationError('The entry breaks a rule', violations);

  const window = template.parameters.objectionWindow ?? DEFAULT_OBJECTION_WINDOW;
  const objectionUntil = addDuration(now, window).toISOString();
  const enteredBy = {
    userId: caller.userId,
    name: caller.name ?? caller.userId,
    role: caller.role,
    ...(caller.membershipId ? { membershipId: caller.membershipId } : {}),
  };
  const onBehalfOf = named.map((user) => ({ userId: user.userId, name: user.displayName }));
  const pending = await updateWithRetry(
    async () => (await deps.tasks.get(taskId)) ?? task,
    (current) => {
      if (current.status !== 'OPEN' || current.pendingEntry)
        throw new ConflictError(`Task ${taskId} changed meanwhile`);
      return deps.tasks.update(current, {
        pendingEntry: {
          result: parsed.data,
          summary: kind.summarize(parsed.data as never) as Record<string, string>,
          enteredBy,
          onBehalfOf,
          consent: body.consent,
          enteredAt: now.toISOString(),
          objectionUntil,
        },
        // The sweep comes back when the window closes, to let the entry count.
        nextNotificationAt:
          current.nextNotificationAt && current.nextNotificationAt < objectionUntil
            ? current.nextNotificationAt
            : objectionUntil,
      });
    },
    { initial: task },
  );
  await recordEvent(deps, {
    cycleId: task.cycleId,
    eventId: `task.entered-on-behalf:${task.taskId}:${pending.version}`,
    at: now.toISOString(),
    type: 'task.entered-on-behalf',
    actor: { kind: 'person', ...enteredBy, onBehalfOf },
    data: { taskId, consent: body.consent, objectionUntil },
  });
  // The short link an SMS carries (stored when the task opened; again here for tasks opened before links existed).
  await deps.messages.putLink(shortCodeOf(task.taskId), task.taskId);
  // Each member named hears it was made in their name, and how to object.
  const days = Math.round((Date.parse(objectionUntil) - now.getTime()) / 86_400_000);
  for (const user of named) {
    const catalog = peopleCatalogs[user.locale] ?? peopleCatalogs.en;
    const title = template.phases
      .flatMap((phase) => phase.tasks)
      .find((one) => one.key === task.taskKey)?.title;
    // On the channels they chose, as every other notice (a person who turned email off gets none).
    for (const channel of deliveryChannels(user)) {
      await deps.messages.put({
        messageId: `msg-${createHash('sha256').update(`entry\u0000${task.taskId}\u0000${pending.version}\u0000${user.userId}\u0000${channel.type}`).digest('hex').slice(0, 24)}`,
        userId: user.userId,
        channel: channel.type,
        role: 'cag',
        locale: user.locale,
        municipalityId: municipality.municipalityId,
        municipalityName: municipality.name,
        country: municipality.country,
        cycleIds: [task.cycleId],
        taskIds: [task.taskId],
        notificationIds: [],
        kinds: ['entered-on-behalf'],
        text: fillPeople(catalog.assistedEntry, {
          by: enteredBy.name,
          task: title?.[user.locale] ?? title?.en ?? task.taskKey,
          municipality: municipality.name,
          days,
        }),
        // Beside the sentence, so a shortened SMS keeps it whole; an SMS carries the short form.
        link:
          channel.type === 'sms'
            ? appLinks.short(deps.settings.publicUrl, shortCodeOf(task.taskId))
            : appLinks.task(deps.settings.publicUrl, task.taskId),
        createdAt: now.toISOString(),
        sendAfter: sendAfterFor(user, now).toISOString(),
        status: 'PENDING',
      });
    }
  }
  await dispatchMessages(deps, now);
  // A template without a window lets the entry count at once.
  if (new Date(objectionUntil) <= now) await finalizeEntry(deps, pending);
  return (await deps.tasks.get(taskId)) ?? pending;
}
