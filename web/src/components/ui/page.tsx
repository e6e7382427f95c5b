import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Sets the browser tab's title: the page's question or name first, the product after. */
export function usePageTitle(title: string, hasErrors = false) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${hasErrors ? `${t('errors.titlePrefix')} ` : ''}${title} – ROMACT`;
  }, [title, hasErrors, t]);
}

/** The page's one h1, with an optional caption above it (the municipality, the phase). */
export function PageHeading({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <>
      {caption ? <p className="caption">{caption}</p> : null}
      <h1>{children}</h1>
    </>
  );
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link className="back-link" to={to}>
      {children}
    </Link>
  );
}

/** What is shown while a page's data loads: announced politely, not a spinner alone. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A highlighted block for what a person must know (a deadline passed, what happens next). */
export function Notice({
  kind = 'info',
  children,
  title,
}: {
  kind?: 'info' | 'success' | 'warning';
  title?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`notice notice--${kind}`}>
      {title ? <p className="notice__title">{title}</p> : null}
      {children}
    </div>
  );
}

/** A short status word in a coloured box, never colour alone. */
export function Tag({
  kind = 'grey',
  children,
}: {
  kind?: 'red' | 'yellow' | 'green' | 'blue' | 'grey';
  children: ReactNode;
}) {
  return <strong className={`tag tag--${kind}`}>{children}</strong>;
}

/** An explanation of a programme term the first time a page uses it. */
export function Term({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <details className="term">
      <summary>{term}</summary>
      <div className="term__text">{children}</div>
    </details>
  );
}
