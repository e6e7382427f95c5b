import type { CycleTemplate } from '#shared/domain/model/template.ts';
import { outcomeTask } from '#shared/domain/model/template.ts';
import { compilerOf } from './compile/kinds/index.ts';

/** Renders a template as a Mermaid flowchart of its phases and tasks, for the README and reviews. */
export function templateToMermaid(template: CycleTemplate, locale = 'en'): string {
  const id = (key: string) => key.replace(/[^a-zA-Z0-9]/g, '_');
  const text = (value: Record<string, string>) => (value[locale] ?? value.en ?? '').replace(/"/g, '#quot;');
  const lines = ['flowchart TD', '  start(["Start cycle"])'];
  let previous = 'start';
  template.phases.forEach((phase, index) => {
    lines.push(`  subgraph ${id(phase.key)}["${index + 1}. ${text(phase.title)}"]`);
    if (phase.tasks.length > 1) lines.push('    direction LR');
    for (const task of phase.tasks) {
      lines.push(
        `    ${id(`${phase.key}__${task.key}`)}["${text(task.title)}<br/><i>${task.assignee} · due ${task.due.after}${
          task.due.unlessDate ? ` or ${task.due.unlessDate}` : ''
        }</i>"]`,
      );
    }
    lines.push('  end');
    lines.push(`  ${previous} --> ${id(phase.key)}`);
    previous = id(phase.key);
    lines.push(...compilerOf(phase).diagram(phase, id));
  });
  const decider = outcomeTask(template);
  if (decider) {
    lines.push(`  ${previous} -- "outcome: next-cycle" --> next(["Next cycle starts"])`);
    lines.push(`  ${previous} -- "outcome: close" --> closed(["Closed"])`);
  } else {
    lines.push(`  ${previous} --> closed(["Closed"])`);
  }
  lines.push('  classDef terminal fill:#eef,stroke:#557');
  lines.push('  class start,rejected,next,closed terminal');
  return `${lines.join('\n')}\n`;
}
