import { useTranslation } from 'react-i18next';
import { useAuth } from './auth.tsx';

const DAY = 86_400_000;

/** Dates, numbers and "in 3 days" in the reader's language and time zone (Intl; no date library). */
export function useFormat() {
  const { i18n } = useTranslation();
  const { session } = useAuth();
  const locale = i18n.language;
  const timeZone = session?.user.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  const shortDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    locale,
    timeZone,
    date: (iso: string | undefined) => (iso ? dateFormat.format(new Date(iso)) : ''),
    dateTime: (iso: string | undefined) => (iso ? dateTimeFormat.format(new Date(iso)) : ''),
    shortDate: (iso: string | undefined) => (iso ? shortDate.format(new Date(iso)) : ''),
    /** "today", "in 3 days", "2 days ago": whole calendar days in the reader's time zone. */
    relativeDays: (iso: string, now = new Date()) =>
      relative.format(calendarDaysBetween(now, new Date(iso), timeZone), 'day'),
    number: (value: number) => numberFormat.format(value),
  };
}

/** Whole calendar days from `from` to `to`, counted in a time zone (what "due in 2 days" means to a person). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const day = (date: Date) => {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(date);
    return Date.parse(`${parts}T00:00:00Z`);
  };
  return Math.round((day(to) - day(from)) / DAY);
}
