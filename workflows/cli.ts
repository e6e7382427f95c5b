import { Command } from 'commander';
import type { CycleTemplate } from '#shared/domain/model/template.ts';
import { compileTemplate } from './compile/compile-template.ts';
import { templateToMermaid } from './mermaid.ts';
import { builtInTemplates, findTemplate } from './templates/index.ts';

/** `npm run -s workflow -- asl|mermaid --template <id>`: the compiled definition and its diagram. */
const program = new Command('workflow').description('Compile cycle templates to ASL and diagrams');

function templateOrExit(id: string): CycleTemplate {
  const template = findTemplate(id);
  if (template) return template;
  return program.error(`Unknown template "${id}". Built-in: ${[...builtInTemplates.keys()].join(', ')}`);
}

program
  .command('asl')
  .description('print the Amazon States Language definition')
  .requiredOption('-t, --template <id>', 'template id')
  .action(({ template }: { template: string }) => {
    process.stdout.write(`${JSON.stringify(compileTemplate(templateOrExit(template)), null, 2)}\n`);
  });

program
  .command('mermaid')
  .description('print a Mermaid flowchart of the phases and tasks')
  .requiredOption('-t, --template <id>', 'template id')
  .option('-l, --locale <code>', 'language of the titles', 'en')
  .action(({ template, locale }: { template: string; locale: string }) => {
    process.stdout.write(templateToMermaid(templateOrExit(template), locale));
  });

program
  .command('list')
  .description('list the built-in templates')
  .action(() => {
    for (const template of builtInTemplates.values()) {
      process.stdout.write(`${template.id}\tv${template.version}\t${template.title.en}\n`);
    }
  });

await program.parseAsync();
