import { describe, expect, it } from 'vitest';
import { locales } from '#shared/domain/model/roles.ts';
import { builtInTemplates } from '#workflows/templates/index.ts';

/** Every text a person reads from a built-in template, with where it is. */
function titles() {
  return [...builtInTemplates.values()].flatMap((template) => [
    { where: `${template.id}`, title: template.title },
    ...template.phases.flatMap((phase) => [
      { where: `${template.id}/${phase.key}`, title: phase.title },
      ...phase.tasks.map((task) => ({ where: `${template.id}/${phase.key}/${task.key}`, title: task.title })),
    ]),
  ]);
}

describe('Built-in templates speak every language', () => {
  it('gives every template, phase and task a title in en, bg, hu, it, ro and sk', () => {
    const missing = titles().flatMap(({ where, title }) =>
      locales.filter((locale) => !title[locale]?.trim()).map((locale) => `${where}: ${locale}`),
    );
    expect(missing).toEqual([]);
  });

  it('translates rather than copies: no title in another language is the English one', () => {
    const copied = titles().flatMap(({ where, title }) =>
      locales
        .filter((locale) => locale !== 'en' && title[locale] === title.en)
        .map((locale) => `${where}: ${locale}`),
    );
    expect(copied).toEqual([]);
  });
});
