import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api-client.ts';
import type { Template, TemplatePhase, TemplateTask } from '../../../lib/api-types.ts';

/** A template in the reader's language: its phases, tasks (with what each asks) and output schemas. */
export function useTemplate(templateId: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['template', templateId, i18n.language],
    queryFn: ({ signal }) =>
      api<Template>('GET', `/templates/${encodeURIComponent(templateId ?? '')}`, {
        query: { locale: i18n.language },
        signal,
      }),
    enabled: Boolean(templateId),
    staleTime: 60 * 60_000,
    retry: false,
  });
}

export function findPhase(template: Template | undefined, phaseKey: string): TemplatePhase | undefined {
  return template?.phases.find((phase) => phase.key === phaseKey);
}

export function findTemplateTask(
  template: Template | undefined,
  phaseKey: string,
  taskKey: string,
): TemplateTask | undefined {
  return findPhase(template, phaseKey)?.tasks.find((task) => task.key === taskKey);
}

/** "plan-approval" → "Plan approval", for when the template's title is not at hand. */
export function humanize(key: string): string {
  const words = key.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
