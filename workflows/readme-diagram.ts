import { readFileSync, writeFileSync } from 'node:fs';
import { templateToMermaid } from './mermaid.ts';
import { romactTemplate } from './templates/romact.ts';

/** Rewrites the README's ROMACT diagram from the template (`npm run docs`). */
const START = '<!-- diagram:romact:start -->';
const END = '<!-- diagram:romact:end -->';

/** The README with its diagram block regenerated. */
export function withGeneratedDiagram(readme: string): string {
  const before = readme.slice(0, readme.indexOf(START) + START.length);
  const after = readme.slice(readme.indexOf(END));
  return `${before}\n\`\`\`mermaid\n${templateToMermaid(romactTemplate)}\`\`\`\n${after}`;
}

if (process.argv[1]?.endsWith('readme-diagram.ts')) {
  const path = new URL('../README.md', import.meta.url);
  writeFileSync(path, withGeneratedDiagram(readFileSync(path, 'utf8')));
}
