import { createHash } from 'node:crypto';
import type { AuditEvent } from '#shared/domain/model/audit-event.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { cycleIdOfTask, type InboxOwner, type Task } from '#shared/domain/model/task.ts';
import type { Item } from './table.ts';

/** Every key shape of the single table (see docs/data-model.md), in one place. */
export const keys = {
  cycle: (cycleId: string) => ({ PK: `CYCLE#${cycleId}`, SK: '#CYCLE' }),
  phase: (cycleId: string, phase: string, revision: number) => ({
    PK: `CYCLE#${cycleId}`,
    SK: `PHASE#${phase}#r${revision}`,
  }),
  task: (taskId: string) => ({ PK: `CYCLE#${cycleIdOfTask(taskId)}`, SK: `TASK#${taskId}` }),
  audit: (event: Pick<AuditEvent, 'cycleId' | 'at' | 'eventId'>) => ({
    PK: `CYCLE#${event.cycleId}`,
    SK: `AUDIT#${event.at}#${event.eventId}`,
  }),
  municipality: (municipalityId: string) => ({ PK: `MUNI#${municipalityId}`, SK: '#PROFILE' }),
  /** Contacts were a separate item before they moved into the profile; read for old data, removed on erase. */
  legacyContacts: (municipalityId: string) => ({ PK: `MUNI#${municipalityId}`, SK: 'CONTACTS' }),
  /** A municipality's one live cycle of a template (one running cycle at a time). */
  liveSlot: (municipalityId: string, templateId: string) => ({
    PK: `MUNI#${municipalityId}`,
    SK: `LIVE#${templateId}`,
  }),
  user: (userId: string) => ({ PK: `USER#${userId}`, SK: '#PROFILE' }),
  membership: (userId: string, membershipId: string) => ({
    PK: `USER#${userId}`,
    SK: `MEMBERSHIP#${membershipId}`,
  }),
  /** Pointer rows that find the members of a municipality and the coordinators of a country. */
  municipalityMember: (municipalityId: string, userId: string, membershipId: string) => ({
    PK: `MEMBERS#${municipalityId}`,
    SK: `${userId}#${membershipId}`,
  }),
  countryCoordinator: (country: string, userId: string, membershipId: string) => ({
    PK: `COORDINATORS#${country}`,
    SK: `${userId}#${membershipId}`,
  }),
  /** An address (hashed: the key holds no personal data) and the person it belongs to. */
  address: (addressKey: string) => ({ PK: `ADDR#${addressKey}`, SK: '#ADDR' }),
  calendarToken: (tokenHash: string) => ({ PK: `CAL#${tokenHash}`, SK: '#CAL' }),
  signInCode: (addressKey: string) => ({ PK: `CODE#${addressKey}`, SK: '#CODE' }),
  session: (sessionId: string) => ({ PK: `SESSION#${sessionId}`, SK: '#SESSION' }),
  rate: (key: string, window: number) => ({ PK: `RATE#${key}`, SK: `#${window}` }),
  message: (owner: string, createdAt: string, messageId: string) => ({
    PK: owner,
    SK: `MSG#${createdAt}#${messageId}`,
  }),
  link: (code: string) => ({ PK: `LINK#${code}`, SK: '#LINK' }),
  /** A file's metadata, in its cycle's files partition (beside the cycle's byte total). */
  attachment: (cycleId: string, taskId: string, attachmentId: string) => ({
    PK: `FILES#${cycleId}`,
    SK: `${taskId}#${attachmentId}`,
  }),
  /** The bytes a cycle's files take (its allowance is counted here). */
  fileUsage: (cycleId: string) => ({ PK: `FILES#${cycleId}`, SK: '#USAGE' }),
  /** A person's uploads, for their export and erasure: pointer rows to the attachments. */
  uploaderPointer: (userId: string, createdAt: string, attachmentId: string) => ({
    PK: `UPLOADED#${userId}`,
    SK: `${createdAt}#${attachmentId}`,
  }),
  /** A task's comment thread: its own partition, so reading a cycle never reads its discussions. */
  comment: (taskId: string, commentId: string) => ({ PK: `COMMENTS#${taskId}`, SK: `C#${commentId}` }),
  /** A person's comments, for their export and erasure: pointer rows to the comments. */
  authorPointer: (userId: string, createdAt: string, commentId: string) => ({
    PK: `WROTE#${userId}`,
    SK: `${createdAt}#${commentId}`,
  }),
  /** A municipality's joint consent to its public page (apart from its profile, whose query reads it whole). */
  publication: (municipalityId: string) => ({ PK: `PUBLICATION#${municipalityId}`, SK: '#PUBLICATION' }),
  notification: (cycleId: string, notificationId: string) => ({
    PK: `CYCLE#${cycleId}`,
    SK: `NOTIF#${notificationId}`,
  }),
  /** How many sweep shards the sweep must read: the most any writer has used (see docs/data-model.md). */
  sweepLayout: () => ({ PK: 'META', SK: 'SWEEP_SHARDS' }),
};

/** The partitions of the indexes. */
export const partitions = {
  municipalityCycles: (municipalityId: string) => `MUNI#${municipalityId}`,
  countryCycles: (country: string) => `COUNTRY#${country}`,
  /** The inbox owner is the municipality for its roles, and `country:<cc>` for coordinator tasks. */
  inbox: (owner: InboxOwner) =>
    owner.role === 'coordinator'
      ? `INBOX#country:${owner.country}#coordinator`
      : `INBOX#${owner.municipalityId}#${owner.role}`,
  /**
   * One shard of the sweep index. Shard 0 keeps the name of the single partition the index had before it was
   * sharded, so a table written then reads as one with one shard.
   */
  sweep: (shard: number) => (shard === 0 ? 'OPEN' : `OPEN#${shard}`),
  /** Open tasks of a country, across its municipalities: a coordinator's portfolio. */
  openInCountry: (country: string) => `OPEN#${country}`,
  /** The municipalities of a country (in the country index, next to its cycles under another prefix). */
  countryMunicipalities: (country: string) => `MUNIS#${country}`,
  /** Messages waiting for their time to be sent. */
  outbox: () => 'OUTBOX',
  /** Whose messages a message is among: its person's, or (nobody could receive it) its country's. */
  messageOwner: (message: { userId?: string | undefined; country: string }) =>
    message.userId ? `USER#${message.userId}` : `UNDELIVERABLE#${message.country}`,
};

/** A cycle as stored, with its index attributes. */
export function cycleItem(cycle: Cycle): Item {
  return {
    ...keys.cycle(cycle.cycleId),
    entity: 'cycle',
    GSI1PK: partitions.municipalityCycles(cycle.municipalityId),
    GSI1SK: `${cycle.startedAt}#${cycle.cycleId}`,
    GSI2PK: partitions.countryCycles(cycle.country),
    GSI2SK: `${cycle.status}#${cycle.startedAt}#${cycle.cycleId}`,
    ...cycle,
  };
}

/** The sweep shard of a task among `shards`: a stable hash of its id, so a task keeps its shard while N stays. */
export function sweepShard(taskId: string, shards: number): number {
  if (shards <= 1) return 0;
  return createHash('sha256').update(taskId).digest().readUInt32BE(0) % shards;
}

/**
 * A task as stored: open tasks carry the sparse inbox and portfolio index attributes, and, with a notification
 * still to come, the sweep index's in one of `sweepShards` shards; closed ones carry none.
 */
export function taskItem(task: Task, sweepShards: number): Item {
  const owner: InboxOwner =
    task.assignee === 'coordinator'
      ? { role: 'coordinator', country: task.country }
      : { role: task.assignee, municipalityId: task.municipalityId };
  const open =
    task.status === 'OPEN'
      ? {
          GSI3PK: partitions.inbox(owner),
          GSI3SK: `${task.dueAt}#${task.taskId}`,
          GSI5PK: partitions.openInCountry(task.country),
          GSI5SK: `${task.dueAt}#${task.taskId}`,
        }
      : {};
  // The sweep index holds open tasks with a notification still to come, keyed by when it falls due.
  const sweep =
    task.status === 'OPEN' && task.nextNotificationAt
      ? {
          GSI4PK: partitions.sweep(sweepShard(task.taskId, sweepShards)),
          GSI4SK: `${task.nextNotificationAt}#${task.taskId}`,
        }
      : {};
  return { ...keys.task(task.taskId), entity: 'task', ...open, ...sweep, ...task };
}
