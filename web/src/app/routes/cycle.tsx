import { useParams } from 'react-router';
import { CyclePage } from '../../features/cycles/components/cycle-page.tsx';

export function Component() {
  const { cycleId = '' } = useParams();
  return <CyclePage key={cycleId} cycleId={cycleId} />;
}
