import type { CycleTemplate } from '#shared/domain/model/template.ts';
import { catalogOf } from './catalog.ts';
import { criticalFriendTemplate } from './critical-friend.ts';
import { romactTemplate } from './romact.ts';
import { romactCoreTemplate } from './romact-core.ts';
import { romactProcessTemplate } from './romact-process.ts';
import { smallGrantTemplate } from './small-grant.ts';

/**
 * Every built-in template version; an older version stays here while cycles may still run on it (`romact` v1,
 * the five phases, for the cycles started before the whole process became v2).
 */
export const builtInCatalog = catalogOf([
  romactTemplate,
  romactProcessTemplate,
  romactCoreTemplate,
  smallGrantTemplate,
  criticalFriendTemplate,
]);

/** The newest version of each built-in template, by id. */
export const builtInTemplates: ReadonlyMap<string, CycleTemplate> = builtInCatalog.newest;

/** Looks up the newest version of a built-in template, or undefined. */
export function findTemplate(id: string): CycleTemplate | undefined {
  return builtInTemplates.get(id);
}
