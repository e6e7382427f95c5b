import type { CycleTemplate } from '#shared/domain/model/template.ts';
import type { TemplateCatalog } from '#shared/domain/ports.ts';
import { criticalFriendTemplate } from './critical-friend.ts';
import { romactTemplate } from './romact.ts';

/** The built-in templates by id. */
export const builtInTemplates: ReadonlyMap<string, CycleTemplate> = new Map(
  [romactTemplate, criticalFriendTemplate].map((template) => [template.id, template]),
);

/** Looks up a built-in template, or undefined. */
export function findTemplate(id: string): CycleTemplate | undefined {
  return builtInTemplates.get(id);
}

/** The built-in templates as the domain's template catalog. */
export const builtInCatalog: TemplateCatalog = { get: findTemplate };
