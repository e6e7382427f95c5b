import { PublicPageConsent } from '../../features/evidence/components/public-page-consent.tsx';

export function Component() {
  return <PublicPageConsent />;
}
