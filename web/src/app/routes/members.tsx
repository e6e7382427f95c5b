import { useParams } from 'react-router';
import { MembersPage } from '../../features/members/components/members-page.tsx';

export function Component() {
  const { municipalityId } = useParams();
  return <MembersPage key={municipalityId ?? ''} {...(municipalityId ? { municipalityId } : {})} />;
}
