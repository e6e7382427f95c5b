import type { Locale } from '../../model/roles.ts';
import type { Ports } from '../../ports.ts';

/** A template as a list shows it: its id, version and title in the reader's language. */
export interface TemplateSummary {
  id: string;
  version: number;
  title: string;
}

/** The templates a coordinator may start cycles of, titled in `locale` (English where a title lacks it). */
export async function listTemplates(
  deps: Pick<Ports, 'templates'>,
  locale: Locale,
): Promise<{ items: TemplateSummary[] }> {
  return {
    items: deps.templates.list().map((template) => ({
      id: template.id,
      version: template.version,
      title: template.title[locale] ?? template.title.en,
    })),
  };
}
