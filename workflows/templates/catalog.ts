import type { CycleTemplate } from '#shared/domain/model/template.ts';
import type { TemplateCatalog } from '#shared/domain/ports.ts';

/** A catalog of template versions: what the runtime and the handlers look templates up in. */
export interface VersionedCatalog extends TemplateCatalog {
  /** The newest version of each template: what new cycles start on, and what a deploy publishes. */
  readonly newest: ReadonlyMap<string, CycleTemplate>;
  /** Every version, oldest first per template. */
  readonly versions: readonly CycleTemplate[];
}

/**
 * Builds a catalog from template versions. A version stays listed while any cycle may still run on it: a
 * cycle, its tasks and its chained executions keep the version they started with.
 */
export function catalogOf(templates: readonly CycleTemplate[]): VersionedCatalog {
  const byKey = new Map<string, CycleTemplate>();
  const newest = new Map<string, CycleTemplate>();
  for (const template of templates) {
    const key = `${template.id}@${template.version}`;
    if (byKey.has(key)) throw new Error(`Template ${template.id} v${template.version} is listed twice`);
    byKey.set(key, template);
    const known = newest.get(template.id);
    if (!known || known.version < template.version) newest.set(template.id, template);
  }
  const versions = [...byKey.values()].sort((a, b) =>
    a.id === b.id ? a.version - b.version : a.id.localeCompare(b.id),
  );
  return {
    newest,
    versions,
    list: () => [...newest.values()],
    get(templateId, version) {
      return version === undefined ? newest.get(templateId) : byKey.get(`${templateId}@${version}`);
    },
  };
}
