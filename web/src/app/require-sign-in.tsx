import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/ui/page.tsx';
import { useAuth } from '../lib/auth.tsx';

const RETURN_KEY = 'romact.returnTo';

/** Remembers the page a signed-out person asked for (a task link in a message) to open it after sign-in. */
export function rememberReturnPath(path: string) {
  try {
    sessionStorage.setItem(RETURN_KEY, path);
  } catch {}
}

/** The page to open after sign-in (once), or the task list. Only paths of this app, never another site. */
export function takeReturnPath(): string {
  try {
    const path = sessionStorage.getItem(RETURN_KEY);
    sessionStorage.removeItem(RETURN_KEY);
    if (path?.startsWith('/') && !path.startsWith('//') && !path.startsWith('/sign-in')) return path;
  } catch {}
  return '/';
}

export function RequireSignIn() {
  const { t } = useTranslation();
  const { status, retry } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'unreachable') {
    return (
      <>
        <h1>{t('auth.unreachableTitle')}</h1>
        <p>{t('auth.unreachableText')}</p>
        <button type="button" className="button" onClick={retry}>
          {t('common.tryAgain')}
        </button>
      </>
    );
  }
  if (status === 'signed-out') {
    rememberReturnPath(`${location.pathname}${location.search}`);
    return <Navigate to="/sign-in" replace />;
  }
  return <Outlet />;
}
