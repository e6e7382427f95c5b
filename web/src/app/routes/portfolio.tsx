import { PortfolioPage } from '../../features/portfolio/components/portfolio-page.tsx';

export { PortfolioPage as Component };
