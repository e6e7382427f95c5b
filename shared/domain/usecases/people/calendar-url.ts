import { UnauthenticatedError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import { calendarTokenHash, newCalendarToken } from '../../ops/people.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/**
 * The caller's personal calendar URL, which a calendar app subscribes to without credentials. `rotate` makes a
 * new one; the old URL stops working at once.
 */
export async function calendarUrl(
  deps: Pick<Ports, 'users' | 'clock' | 'settings'>,
  caller: Caller,
  options: { rotate: boolean },
): Promise<{ url: string }> {
  if (!caller.userId) throw new UnauthenticatedError('Sign in as a person to have a personal calendar');
  const userId = caller.userId;
  const user = await updateWithRetry(
    async () => {
      const current = await deps.users.get(userId);
      if (!current) throw new UnauthenticatedError('Your account is gone');
      return current;
    },
    async (current) => {
      if (current.calendarToken && !options.rotate) return undefined;
      const token = newCalendarToken();
      await deps.users.setCalendarToken(
        current.userId,
        calendarTokenHash(token),
        current.calendarToken ? calendarTokenHash(current.calendarToken) : undefined,
      );
      return deps.users.update(current, { calendarToken: token, updatedAt: deps.clock.now().toISOString() });
    },
  );
  return { url: `${deps.settings.publicUrl}/calendar/${user.calendarToken}.ics` };
}
