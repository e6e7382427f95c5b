import { SettingsPage } from '../../features/settings/components/settings-page.tsx';

export { SettingsPage as Component };
