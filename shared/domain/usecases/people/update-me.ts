import { z } from 'zod';
import { InvalidInputError, UnauthenticatedError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import { isTimeZone } from '../../model/dates.ts';
import { LocaleCode } from '../../model/roles.ts';
import { Preferences, type User } from '../../model/user.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/** Body of `PATCH /me`: what a person may change about themselves. */
export const UpdateMeBody = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  locale: LocaleCode.optional(),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone such as "Europe/Sofia"')
    .optional(),
  preferences: Preferences.optional(),
});

/** Changes the caller's name, language, time zone or notification preferences (at least one channel they have). */
export async function updateMe(
  deps: Pick<Ports, 'users' | 'clock'>,
  caller: Caller,
  body: z.infer<typeof UpdateMeBody>,
): Promise<User> {
  if (!caller.userId) throw new UnauthenticatedError('Sign in as a person to change your profile');
  const userId = caller.userId;
  return updateWithRetry(
    async () => {
      const user = await deps.users.get(userId);
      if (!user) throw new UnauthenticatedError('Your account is gone');
      return user;
    },
    (user) => {
      const chosen = body.preferences?.channels;
      // A choice that leaves nothing to send on would silence the person's tasks without anyone noticing.
      if (chosen && !user.channels.some((channel) => chosen.includes(channel.type))) {
        const have = user.channels.map((channel) => (channel.type === 'sms' ? '"sms"' : '"email"'));
        throw new InvalidInputError('Choose a channel you have', [
          { path: 'preferences.channels', message: `must include one you have: ${have.join(' or ')}` },
        ]);
      }
      return deps.users.update(user, {
        ...(body.displayName ? { displayName: body.displayName } : {}),
        ...(body.locale ? { locale: body.locale } : {}),
        ...(body.timeZone ? { timeZone: body.timeZone } : {}),
        ...(body.preferences ? { preferences: { ...user.preferences, ...body.preferences } } : {}),
        updatedAt: deps.clock.now().toISOString(),
      });
    },
  );
}
