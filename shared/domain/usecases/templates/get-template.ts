import { NotFoundError } from '../../errors.ts';
import { type JsonSchema, outputJsonSchema } from '../../model/output-json-schema.ts';
import { outputText } from '../../model/output-texts/index.ts';
import type { Locale, LocalizedText, Role } from '../../model/roles.ts';
import type { TaskOutputName } from '../../model/task-outputs.ts';
import type { Ports } from '../../ports.ts';

/** A task of a template, worded for people: what is asked, of whom, by when. */
export interface TemplateTaskView {
  key: string;
  title: string;
  /** What the task asks for and why: its output's description. */
  description?: string;
  assignee: Role;
  output: TaskOutputName;
  due: { after: string; unlessDate?: string };
  hardStopAfter: string;
}

/** A template in one language: its phases and tasks, and the JSON Schema of each output its tasks produce. */
export interface TemplateView {
  id: string;
  version: number;
  locale: Locale;
  title: string;
  phases: {
    key: string;
    kind: string;
    title: string;
    /** A joint approval: where a rejection sends the plan, and how often it may go back. */
    approval?: { backTo: string; maxRevisions: number };
    tasks: TemplateTaskView[];
  }[];
  /** The coordinator's answer when a task runs past its hard stop. */
  stallResolution: { output: TaskOutputName; due: string; hardStopAfter: string };
  outputs: Partial<Record<TaskOutputName, { title: string; description?: string; schema: JsonSchema }>>;
}

const inLocale = (text: LocalizedText, locale: Locale) => text[locale] ?? text.en;

/**
 * A template, worded in `locale`: what each phase and task is, and, per output, the JSON Schema generated
 * from the zod schema that validates a completion (the forms, the CLI and the OpenAPI document all use it).
 */
export async function getTemplate(
  deps: Pick<Ports, 'templates'>,
  templateId: string,
  locale: Locale,
): Promise<TemplateView> {
  const template = deps.templates.get(templateId);
  if (!template) throw new NotFoundError(`No template ${templateId}`);
  const names = new Set<TaskOutputName>(['stall-resolution']);
  const phases = template.phases.map((phase) => ({
    key: phase.key,
    kind: phase.kind,
    title: inLocale(phase.title, locale),
    ...(phase.kind === 'approval'
      ? { approval: { backTo: phase.backTo, maxRevisions: phase.maxRevisions } }
      : {}),
    tasks: phase.tasks.map((task): TemplateTaskView => {
      names.add(task.output);
      const { description } = outputText(task.output, locale);
      return {
        key: task.key,
        title: inLocale(task.title, locale),
        ...(description ? { description } : {}),
        assignee: task.assignee,
        output: task.output,
        due: { after: task.due.after, ...(task.due.unlessDate ? { unlessDate: task.due.unlessDate } : {}) },
        hardStopAfter: task.hardStopAfter ?? template.defaults.hardStopAfter,
      };
    }),
  }));
  return {
    id: template.id,
    version: template.version,
    locale,
    title: inLocale(template.title, locale),
    phases,
    stallResolution: { output: 'stall-resolution', ...template.defaults.stallResolution },
    outputs: Object.fromEntries(
      [...names].map((name) => {
        const { title, description } = outputText(name, locale);
        return [
          name,
          { title, ...(description ? { description } : {}), schema: outputJsonSchema(name, locale) },
        ];
      }),
    ),
  };
}
