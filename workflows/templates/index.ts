import type { CycleTemplate } from '#shared/domain/model/template.ts';
import { catalogOf } from './catalog.ts';
import { criticalFriendTemplate } from './critical-friend.ts';
import { romactTemplate } from './romact.ts';

/** Every built-in template version; an older version stays here while cycles may still run on it. */
export const builtInCatalog = catalogOf([romactTemplate, criticalFriendTemplate]);

/** The newest version of each built-in template, by id. */
export const builtInTemplates: ReadonlyMap<string, CycleTemplate> = builtInCatalog.newest;

/** Looks up the newest version of a built-in template, or undefined. */
export function findTemplate(id: string): CycleTemplate | undefined {
  return builtInTemplates.get(id);
}
