import { createHash } from 'node:crypto';
import { appLinks } from '../model/app-links.ts';
import type { Municipality } from '../model/municipality.ts';
import type { Task } from '../model/task.ts';
import { deliveryChannels } from '../model/user.ts';
import { type EventKind, eventCatalogs } from '../notifications/catalogs/events.ts';
import { taskTitle } from '../notifications/catalogs/task-title.ts';
import { formatDate } from '../notifications/compose.ts';
import { type Addressee, addresseesOf, sendAfterFor } from '../notifications/recipients.ts';
import type { Ports } from '../ports.ts';
import { dispatchMessages } from './dispatch-messages.ts';

/** What telling people about a change needs. */
export type NoticePorts = Pick<
  Ports,
  'users' | 'messages' | 'notifier' | 'municipalities' | 'templates' | 'settings' | 'clock'
>;

/** Who hears of a change: a task's assignees, a municipality's members, and/or the country's coordinators. */
export interface NoticeAudience {
  assigneesOf?: Task;
  membersOf?: string;
  coordinatorsOf?: string;
  /** Named people (a comment's mentions), whatever their role, if they are still active. */
  people?: readonly string[];
}

/**
 * Tells the people whose work a change touches, in their language, on their channels, after their quiet hours:
 * a deadline moved, a task no longer needed, a cycle cancelled, stalled, resumed or abandoned. `key` makes the
 * message ids deterministic, so telling twice (a retried step) tells once. Never fails the change it reports.
 */
export async function notifyPeople(
  deps: NoticePorts,
  notice: {
    kind: EventKind;
    key: string;
    municipalityId: string;
    cycleId: string;
    task?: Task;
    values?: { reason?: string; due?: string; previous?: string; author?: string };
    audience: NoticeAudience;
  },
): Promise<void> {
  try {
    const municipality = await deps.municipalities.get(notice.municipalityId);
    if (!municipality) return;
    const audiences = [
      ...(notice.audience.assigneesOf
        ? [
            notice.audience.assigneesOf.assignee === 'coordinator'
              ? { role: 'coordinator' as const, country: municipality.country }
              : { role: notice.audience.assigneesOf.assignee, municipalityId: municipality.municipalityId },
          ]
        : []),
      ...(notice.audience.membersOf
        ? [
            { role: 'municipality' as const, municipalityId: notice.audience.membersOf },
            { role: 'cag' as const, municipalityId: notice.audience.membersOf },
          ]
        : []),
      ...(notice.audience.coordinatorsOf
        ? [{ role: 'coordinator' as const, country: notice.audience.coordinatorsOf }]
        : []),
    ];
    const named = await namedAddressees(deps, notice.audience.people ?? [], municipality);
    const now = deps.clock.now();
    const template = notice.task
      ? deps.templates.get(notice.task.templateId, notice.task.templateVersion)
      : undefined;
    // A stall task is named as the coordinators know it, after the task that stalled.
    const title = notice.task ? taskTitle(template, notice.task) : undefined;
    const seen = new Set<string>();
    const addressees = [...named];
    for (const audience of audiences) addressees.push(...(await addresseesOf(deps, audience)));
    for (const { user, channel, role } of addressees) {
      if (seen.has(`${user.userId}:${channel.type}`)) continue;
      seen.add(`${user.userId}:${channel.type}`);
      const catalog = eventCatalogs[user.locale] ?? eventCatalogs.en;
      const text = catalog[notice.kind].replace(/\{(\w+)\}/g, (match, name: string) => {
        if (name === 'title') return title?.[user.locale] ?? title?.en ?? notice.task?.taskKey ?? '';
        if (name === 'municipality') return municipality.name;
        if (name === 'reason') return notice.values?.reason ?? '';
        if (name === 'author') return notice.values?.author ?? '';
        if (name === 'due' || name === 'previous') {
          const instant = notice.values?.[name];
          return instant ? formatDate(instant, user.locale, municipality.timeZone) : match;
        }
        return match;
      });
      const link = notice.task
        ? appLinks.task(deps.settings.publicUrl, notice.task.taskId)
        : appLinks.cycle(deps.settings.publicUrl, notice.cycleId);
      await deps.messages.put({
        messageId: `msg-${createHash('sha256').update(`${notice.kind}\u0000${notice.key}\u0000${user.userId}\u0000${channel.type}`).digest('hex').slice(0, 24)}`,
        userId: user.userId,
        channel: channel.type,
        role,
        locale: user.locale,
        municipalityId: municipality.municipalityId,
        municipalityName: municipality.name,
        country: municipality.country,
        cycleIds: [notice.cycleId],
        taskIds: notice.task ? [notice.task.taskId] : [],
        notificationIds: [],
        kinds: [notice.kind],
        text,
        // An SMS has no room for a long link: people open the app from their inbox there.
        ...(channel.type === 'email' ? { link } : {}),
        createdAt: now.toISOString(),
        sendAfter: sendAfterFor(user, now).toISOString(),
        status: 'PENDING',
      });
    }
    await dispatchMessages(deps, now);
  } catch {
    // The change stands; a notice that could not be stored is not worth failing it for.
  }
}

/** Named people on each channel they chose, in the role they hold towards the municipality. */
async function namedAddressees(
  deps: Pick<Ports, 'users'>,
  userIds: readonly string[],
  municipality: Municipality,
): Promise<Addressee[]> {
  const addressees: Addressee[] = [];
  for (const userId of new Set(userIds)) {
    const user = await deps.users.get(userId);
    if (!user || user.status !== 'ACTIVE') continue;
    const membership = (await deps.users.memberships(userId)).find((one) =>
      one.role === 'coordinator'
        ? one.countries.includes(municipality.country)
        : one.municipalityId === municipality.municipalityId,
    );
    if (!membership) continue;
    for (const channel of deliveryChannels(user)) addressees.push({ user, channel, role: membership.role });
  }
  return addressees;
}
