import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** One problem to list: its message and the id of the field to jump to. */
export interface Problem {
  message: string;
  /** The id of the input the link focuses; none for a problem with the whole page. */
  fieldId?: string;
}

/**
 * The GOV.UK error summary: a box at the top listing every problem, each a link to its field. It takes focus
 * when it appears, so a screen reader announces it and a keyboard user is one Tab from the first field.
 */
export function ErrorSummary({ problems, title }: { problems: Problem[]; title?: string }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const key = problems.map((problem) => problem.message).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again when the list of problems changes
  useEffect(() => {
    if (problems.length) box.current?.focus();
  }, [key]);
  if (!problems.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {title ?? t('errors.summaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {problems.map((problem) => (
          <li key={`${problem.fieldId ?? ''}:${problem.message}`}>
            {problem.fieldId ? (
              <a
                href={`#${problem.fieldId}`}
                onClick={(event) => {
                  const target = document.getElementById(problem.fieldId ?? '');
                  if (!target) return;
                  event.preventDefault();
                  target.scrollIntoView({ block: 'center' });
                  target.focus();
                }}
              >
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
