import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigation, useNavigationType } from 'react-router';
import { useMunicipalityName } from '../features/cycles/api/municipality.ts';
import type { Locale, Membership } from '../lib/api-types.ts';
import { useAuth, useChangeLanguage } from '../lib/auth.tsx';
import { LOCALES } from '../lib/i18n.ts';

/** What the header says the person is acting as: "Municipal staff · Sliven". */
export function MembershipLabel({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  const municipality = useMunicipalityName(
    membership.role === 'coordinator' ? undefined : membership.municipalityId,
    membership.municipalityName,
  );
  const where = membership.role === 'coordinator' ? (membership.countries ?? []).join(', ') : municipality;
  return (
    <>
      {t(`roles.${membership.role}`)}
      {where ? ` · ${where}` : ''}
    </>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <div className="language-switch">
      <label htmlFor="language">{t('layout.language')}</label>
      <select
        id="language"
        className="select"
        value={i18n.language}
        onChange={(event) => void changeLanguage(event.target.value as Locale)}
      >
        {LOCALES.map((locale) => (
          <option key={locale.code} value={locale.code} lang={locale.code}>
            {locale.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function useOnline() {
  return useSyncExternalStore(
    (notify) => {
      window.addEventListener('online', notify);
      window.addEventListener('offline', notify);
      return () => {
        window.removeEventListener('online', notify);
        window.removeEventListener('offline', notify);
      };
    },
    () => navigator.onLine,
  );
}

/**
 * After a client-side navigation, focus moves to the new page's heading (as a full page load would reset it)
 * and screen readers hear the new title. The first load keeps the browser's own focus.
 */
function useFocusOnNavigation() {
  const location = useLocation();
  const navigationType = useNavigationType();
  // Until the person moves, redirects (signed out → sign-in) are part of loading the page.
  const loading = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new location
  useEffect(() => {
    if (loading.current) {
      if (navigationType === 'POP' || navigationType === 'REPLACE') return;
      loading.current = false;
    }
    const timer = setTimeout(() => {
      const target = document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
      if (!target) return;
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
    }, 0);
    return () => clearTimeout(timer);
  }, [location.pathname]);
}

function Navigation() {
  const { t } = useTranslation();
  const { activeMembership } = useAuth();
  if (!activeMembership) return null;
  const role = activeMembership.role;
  const links: { to: string; label: string }[] = [
    { to: '/', label: t('nav.tasks') },
    ...(role === 'coordinator'
      ? [
          { to: '/overview', label: t('nav.portfolio') },
          { to: '/start-cycle', label: t('nav.startCycle') },
        ]
      : [{ to: '/cycles', label: t('nav.cycles') }]),
    ...(role !== 'cag' ? [{ to: '/members', label: t('nav.members') }] : []),
    { to: '/messages', label: t('nav.notifications') },
    { to: '/settings', label: t('nav.settings') },
  ];
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.to === '/'}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { status, session, activeMembership, signOut } = useAuth();
  const online = useOnline();
  const navigation = useNavigation();
  useFocusOnNavigation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="header__product">
            ROMACT
          </Link>
          <div className="header__tools">
            {status === 'signed-in' && activeMembership ? (
              <p className="header__membership">
                <span className="visually-hidden">{t('layout.actingAs')} </span>
                <MembershipLabel membership={activeMembership} />
                {(session?.memberships.length ?? 0) > 1 ? (
                  <>
                    {' '}
                    <Link to="/choose-role" className="header__link">
                      {t('layout.switchRole')}
                    </Link>
                  </>
                ) : null}
              </p>
            ) : null}
            <LanguageSwitch />
            {status === 'signed-in' ? (
              <button type="button" className="link-button header__link" onClick={() => void signOut()}>
                {t('layout.signOut')}
              </button>
            ) : null}
          </div>
        </div>
        {status === 'signed-in' ? <Navigation /> : null}
      </header>
      {online ? null : (
        <div className="offline-banner" role="status">
          {t('layout.offline')}
        </div>
      )}
      <div className="container">
        <main id="main" tabIndex={-1} aria-busy={navigation.state === 'loading' ? true : undefined}>
          <Outlet />
        </main>
      </div>
      <footer className="footer">
        <div className="container">
          <p>{t('layout.footer')}</p>
        </div>
      </footer>
    </>
  );
}
