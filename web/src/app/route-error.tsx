import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { usePageTitle } from '../components/ui/page.tsx';

/**
 * What a page shows when it cannot load: a part of the app that did not arrive (a dropped connection, or a new
 * version deployed since the page opened) or an unexpected error. Plain words and a way on; never a stack.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  usePageTitle(notFound ? t('notFound.title') : t('routeError.title'));
  if (notFound) {
    return (
      <>
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.text')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('routeError.reload')}
      </button>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
