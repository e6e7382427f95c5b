import { useAuth } from '../../../lib/auth.tsx';
import { useMunicipalityChoices } from '../api/portfolio.ts';

/**
 * Suggestions for a field that takes a municipality's code: each code with its name, so a coordinator picks
 * "Sliven – Nadezhda" instead of remembering "bg-sliven". Give the field `list={id}`.
 */
export function MunicipalityChoices({ id }: { id: string }) {
  const { activeMembership } = useAuth();
  const choices = useMunicipalityChoices(activeMembership?.role === 'coordinator');
  return (
    <datalist id={id}>
      {(choices.data ?? []).map((municipality) => (
        <option key={municipality.municipalityId} value={municipality.municipalityId}>
          {municipality.name}
        </option>
      ))}
    </datalist>
  );
}
