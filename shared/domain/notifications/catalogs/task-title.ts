import type { LocalizedText } from '../../model/roles.ts';
import type { Task } from '../../model/task.ts';
import { type CycleTemplate, findTask } from '../../model/template.ts';
import { catalogs } from './index.ts';

/**
 * What a person calls a task, in every catalogue language: the template's title, or, for a coordinator's task
 * to resume or cancel a stalled cycle, a sentence naming the stalled task's title in the same language.
 */

/** The stall task's title in every catalogue language, naming the stalled task (`stalledTitle`). */
export function stallTaskTitle(stalledTitle: LocalizedText): LocalizedText {
  const fill = (language: string, text: string) =>
    text.replace('{title}', stalledTitle[language] ?? stalledTitle.en);
  return Object.fromEntries(
    Object.entries(catalogs).map(([language, catalog]) => [language, fill(language, catalog.stallTask)]),
  ) as LocalizedText;
}

/** A task's title in every language the template (and the catalogues, for a stall task) has; undefined if unknown. */
export function taskTitle(
  template: CycleTemplate | undefined,
  task: Pick<Task, 'kind' | 'phase' | 'taskKey'> & { subject?: string | undefined },
): LocalizedText | undefined {
  // A follow-up is called what the meeting decided, in the words of the minutes.
  if (task.kind === 'follow-up' && task.subject) return { en: task.subject };
  const definition = template ? findTask(template, task.phase, task.taskKey) : undefined;
  if (!definition) return undefined;
  return task.kind === 'stall-resolution' ? stallTaskTitle(definition.title) : definition.title;
}
