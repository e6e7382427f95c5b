import type { Attachment } from '#shared/domain/model/attachment.ts';
import type { Comment } from '#shared/domain/model/comment.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';

/** A running ROMACT cycle of municipality `bg-1`, with overrides. */
export function cycleFixture(cycleId: string, overrides: Partial<Cycle> = {}): Cycle {
  return {
    cycleId,
    templateId: 'romact-core',
    templateVersion: 1,
    municipalityId: 'bg-1',
    country: 'BG',
    status: 'RUNNING',
    currentPhase: 'assessment',
    revision: 0,
    dates: {},
    dueOverrides: {},
    executionName: cycleId,
    startedAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** An open municipality task of a cycle, with overrides. */
export function taskFixture(cycleId: string, key: string, overrides: Partial<Task> = {}): Task {
  return {
    taskId: `${cycleId}.${key}.r0`,
    cycleId,
    templateId: 'romact-core',
    municipalityId: 'bg-1',
    country: 'BG',
    phase: 'assessment',
    taskKey: key,
    revision: 0,
    kind: 'task',
    assignee: 'municipality',
    output: 'needs-assessment',
    status: 'OPEN',
    dueAt: '2027-03-01T00:00:00.000Z',
    hardStopAt: '2027-04-01T00:00:00.000Z',
    openedAt: '2027-01-01T00:00:00.000Z',
    taskToken: 'token-1',
    tokenDelivered: false,
    extensions: 0,
    version: 1,
    ...overrides,
  };
}

/** A pending attachment of a task (as its upload URL is issued), with overrides. */
export function attachmentFixture(
  taskId: string,
  attachmentId: string,
  overrides: Partial<Attachment> = {},
): Attachment {
  const cycleId = taskId.split('.')[0] ?? '';
  return {
    attachmentId,
    taskId,
    cycleId,
    municipalityId: 'bg-1',
    country: 'BG',
    name: 'minutes.pdf',
    declaredType: 'application/pdf',
    size: 1_000,
    status: 'PENDING',
    uploadedBy: { userId: 'usr-uploader', name: 'Maria Petrova', role: 'municipality' },
    objectKey: `cycles/${cycleId}/${taskId}/${attachmentId}`,
    createdAt: '2027-01-02T00:00:00.000Z',
    uploadExpiresAt: '2027-01-02T00:15:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** A comment on a task, with overrides. */
export function commentFixture(taskId: string, commentId: string, overrides: Partial<Comment> = {}): Comment {
  return {
    commentId,
    taskId,
    cycleId: taskId.split('.')[0] ?? '',
    municipalityId: 'bg-1',
    country: 'BG',
    author: { userId: 'usr-author', name: 'Asen Mihaylov', role: 'cag' },
    text: 'Can we add the school bus to the plan?',
    mentions: [],
    status: 'ACTIVE',
    createdAt: '2027-01-02T00:00:00.000Z',
    edits: 0,
    version: 1,
    ...overrides,
  };
}
