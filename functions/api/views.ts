import type { Attachment } from '#shared/domain/model/attachment.ts';
import { isOverdue, type Task } from '#shared/domain/model/task.ts';
import { taskTitle } from '#shared/domain/notifications/catalogs/task-title.ts';
import type { CycleRecord, Ports } from '#shared/domain/ports.ts';

/** What the API returns for tasks and cycles: never a task token; titles and "overdue" added for people. */

/** A task as the API returns it. */
export function taskView(ports: Pick<Ports, 'clock' | 'templates'>, task: Task) {
  const { taskToken: _token, ...visible } = task;
  return {
    ...visible,
    // A stall task's title names the stalled task, in every catalogue language.
    title: taskTitle(ports.templates.get(task.templateId, task.templateVersion), task),
    overdue: isOverdue(task, ports.clock.now()),
  };
}

/** A cycle with its phases (in the order they ran), tasks and audit trail. */
export function cycleView(ports: Pick<Ports, 'clock' | 'templates'>, record: CycleRecord) {
  const order = (
    ports.templates.get(record.cycle.templateId, record.cycle.templateVersion)?.phases ?? []
  ).map((phase) => phase.key);
  // Runs started in the same millisecond (a fast clock) still read in the order the workflow ran them.
  const phases = [...record.phases].sort(
    (a, b) =>
      a.startedAt.localeCompare(b.startedAt) ||
      a.revision - b.revision ||
      order.indexOf(a.phase) - order.indexOf(b.phase),
  );
  return {
    ...record.cycle,
    phases,
    tasks: record.tasks.map((task) => taskView(ports, task)),
    audit: record.audit,
  };
}

/** A file as the API returns it: never where its bytes are kept. */
export function attachmentView(attachment: Attachment) {
  const { objectKey: _key, version: _version, ...visible } = attachment;
  return visible;
}
