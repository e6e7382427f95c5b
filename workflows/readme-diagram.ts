import { readFileSync, writeFileSync } from 'node:fs';
import type { CycleTemplate } from '#shared/domain/model/template.ts';
import { templateToMermaid } from './mermaid.ts';
import { romactCoreTemplate } from './templates/romact-core.ts';
import { romactProcessTemplate } from './templates/romact-process.ts';
import { smallGrantTemplate } from './templates/small-grant.ts';

/** Rewrites the README's template diagrams from the templates (`npm run docs`). */
const diagrams: readonly CycleTemplate[] = [romactProcessTemplate, romactCoreTemplate, smallGrantTemplate];

/** The README with each diagram block (`<!-- diagram:<id>:start -->` … `end -->`) regenerated. */
export function withGeneratedDiagram(readme: string): string {
  let text = readme;
  for (const template of diagrams) {
    const start = `<!-- diagram:${template.id}:start -->`;
    const end = `<!-- diagram:${template.id}:end -->`;
    if (!text.includes(start) || !text.includes(end)) continue;
    const before = text.slice(0, text.indexOf(start) + start.length);
    const after = text.slice(text.indexOf(end));
    text = `${before}\n\`\`\`mermaid\n${templateToMermaid(template)}\`\`\`\n${after}`;
  }
  return text;
}

if (process.argv[1]?.endsWith('readme-diagram.ts')) {
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, withGeneratedDiagram(readFileSync(path, 'utf8')));
}
