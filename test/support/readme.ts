import { readFileSync } from 'node:fs';

/** The README's shell commands, as the suite runs them: the README is the truth, so tests read it. */

const README = new URL('../../README.md', import.meta.url);

/** The text under `heading` (e.g. "## Run it"), up to the next heading of any level. */
export function readmeSection(heading: string): string {
  const lines = readFileSync(README, 'utf8').split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`README.md has no heading "${heading}"`);
  const end = lines.findIndex((line, index) => index > start && /^#+ /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The ```sh blocks of a section, each as its text. */
export function shellBlocks(section: string): string[] {
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
}

/**
 * The commands of a block, as bash splits them: one per line, with `\` continuations and newlines inside quotes
 * kept, and `# comments` (outside quotes) dropped.
 */
export function commands(block: string): string[] {
  const result: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let index = 0; index < block.length; index++) {
    const char = block[index] ?? '';
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '#' && (current === '' || /\s$/.test(current))) {
      while (index + 1 < block.length && block[index + 1] !== '\n') index++;
      continue;
    } else if (char === '\n' && !current.endsWith('\\')) {
      if (current.trim()) result.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim()) result.push(current.trim());
  return result;
}
