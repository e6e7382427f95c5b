import type { ReactNode } from 'react';

/**
 * A wide table on a narrow screen scrolls sideways inside this box. The box can take focus, so a keyboard user
 * can scroll it too, and it is named after the table for screen readers.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
