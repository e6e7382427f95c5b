import { NotFoundError } from '../../errors.ts';
import { type OpenDataCycle, openDataOf } from '../../model/open-data.ts';
import { type GenderBalance, isPublished } from '../../model/publication.ts';
import type { LocalizedText } from '../../model/roles.ts';
import type { Ports } from '../../ports.ts';

/** What a municipality's public page shows: nothing that names or reaches a person. */
export interface PublicPage {
  municipalityId: string;
  name: string;
  country: string;
  locale: string;
  group: { cagMembers: number; genderBalance?: GenderBalance };
  /** The latest cycle's facts (the open data of it), with its phases' titles. */
  cycle?: OpenDataCycle & { phaseTitles: Record<string, LocalizedText> };
  /** The funding applied for, summed per currency. */
  funding: { currency: string; amount: number; applications: number }[];
  updatedAt: string;
}

/**
 * The public page of a municipality, if both the municipality and its CAG consent to it (otherwise the same
 * 404 as an unknown municipality). The group is described by counts only; the plan by the same facts as the
 * open-data export, so the page can never show more than the export does.
 */
export async function publicPage(
  deps: Pick<Ports, 'municipalities' | 'publications' | 'users' | 'cycles' | 'templates'>,
  municipalityId: string,
): Promise<PublicPage> {
  const publication = await deps.publications.get(municipalityId);
  const municipality = isPublished(publication) ? await deps.municipalities.get(municipalityId) : undefined;
  if (!publication || !municipality) throw new NotFoundError(`No public page for ${municipalityId}`);
  const members = await deps.users.membersOf(municipalityId);
  const latest = (await deps.cycles.listByMunicipality(municipalityId, { limit: 1 })).items[0];
  const record = latest ? await deps.cycles.record(latest.cycleId) : undefined;
  const data = record ? openDataOf(record, municipality) : undefined;
  const template = latest ? deps.templates.get(latest.templateId, latest.templateVersion) : undefined;
  const funding = new Map<string, { currency: string; amount: number; applications: number }>();
  for (const application of data?.applications ?? []) {
    const currency = String(application.currency ?? 'EUR');
    const sum = funding.get(currency) ?? { currency, amount: 0, applications: 0 };
    sum.amount += Number(application.amount ?? 0);
    sum.applications += 1;
    funding.set(currency, sum);
  }
  return {
    municipalityId,
    name: municipality.name,
    country: municipality.country,
    locale: municipality.locale,
    group: {
      cagMembers: new Set(members.filter((one) => one.role === 'cag').map((one) => one.userId)).size,
      ...(publication.genderBalance ? { genderBalance: publication.genderBalance } : {}),
    },
    ...(data
      ? {
          cycle: {
            ...data,
            phaseTitles: Object.fromEntries(
              (template?.phases ?? []).map((phase) => [phase.key, phase.title]),
            ),
          },
        }
      : {}),
    funding: [...funding.values()],
    updatedAt: publication.updatedAt,
  };
}
