import * as z from 'zod';
import { InvalidInputError, UnauthenticatedError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import { isTimeZone } from '../../model/dates.ts';
import { Instant } from '../../model/instant.ts';
import { LocaleCode } from '../../model/roles.ts';
import { Channel, Preferences, type User } from '../../model/user.ts';
import { type Me, meOf, profileOf } from '../../ops/me.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/** What a person may change about themselves. */
const Editable = {
  displayName: z.string().trim().min(1).max(120).optional(),
  locale: LocaleCode.optional(),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone such as "Europe/Sofia"')
    .optional(),
  preferences: Preferences.optional(),
};

/**
 * Body of `PATCH /me`: the fields to change, or the whole of what `GET /me` answered with the changes made in
 * `user` (a page may send back what it read). What cannot change here (id, channels, status, dates) may be
 * sent as it was read; a different value is refused by name, never silently dropped. Memberships are not
 * looked at (they change through invitations).
 */
export const UpdateMeBody = z
  .strictObject({
    ...Editable,
    user: z
      .strictObject({
        ...Editable,
        userId: z.string().max(100).optional(),
        channels: z.array(Channel).max(4).optional(),
        activeMembershipId: z.string().max(100).optional(),
        status: z.enum(['ACTIVE', 'ERASED']).optional(),
        createdAt: Instant.optional(),
        updatedAt: Instant.optional(),
      })
      .optional(),
    // Memberships change through invitations and removals; sent back as read, they are not looked at.
    memberships: z.array(z.unknown()).max(100).optional(),
    activeMembershipId: z.string().max(100).optional(),
  })
  .superRefine((body, ctx) => {
    // Sent twice (at the top and in "user"), a field must say the same thing: which one was meant is unknown.
    for (const key of Object.keys(Editable) as (keyof typeof Editable)[]) {
      const top = body[key];
      const inUser = body.user?.[key];
      if (top !== undefined && inUser !== undefined && JSON.stringify(top) !== JSON.stringify(inUser))
        ctx.addIssue({ code: 'custom', path: [key], message: `differs from user.${key}: send it once` });
    }
  });

type UpdateMeBody = z.infer<typeof UpdateMeBody>;

/** What a body sent back in GET /me's shape would change that PATCH /me does not: each a wrong field. */
function unchangeable(body: UpdateMeBody, user: User, caller: Caller) {
  const wrong: { path: string; message: string }[] = [];
  const stored = profileOf(user);
  const byAddress = (channels: readonly Channel[]) =>
    [...channels].sort((a, b) => `${a.type}:${a.address}`.localeCompare(`${b.type}:${b.address}`));
  const readOnly = {
    userId: 'must be your own: a person changes only themselves',
    channels: 'cannot change here: an address is added by an invitation and confirmed by a sign-in code',
    activeMembershipId: 'cannot change here: switch membership with POST /auth/refresh {membershipId}',
    status: 'cannot change here',
    createdAt: 'cannot change here',
    // Sent back as read; a different value means the record changed since (another device): read it again.
    updatedAt: 'differs from your record: it changed since it was read; read GET /me again',
  } as const;
  for (const [key, message] of Object.entries(readOnly) as [keyof typeof readOnly, string][]) {
    const sent = body.user?.[key];
    if (sent === undefined) continue;
    const same =
      key === 'channels'
        ? JSON.stringify(byAddress(sent as Channel[])) === JSON.stringify(byAddress(stored.channels))
        : sent === stored[key];
    if (!same) wrong.push({ path: `user.${key}`, message });
  }
  if (body.activeMembershipId !== undefined && body.activeMembershipId !== caller.membershipId)
    wrong.push({
      path: 'activeMembershipId',
      message: 'cannot change here: switch membership with POST /auth/refresh {membershipId}',
    });
  return wrong;
}

/**
 * Changes the caller's name, language, time zone or notification preferences (at least one channel they have);
 * answers with the person as `GET /me` shows them, so a page can replace what it holds.
 */
export async function updateMe(
  deps: Pick<Ports, 'users' | 'municipalities' | 'clock'>,
  caller: Caller,
  body: UpdateMeBody,
): Promise<Me> {
  if (!caller.userId || !caller.membershipId)
    throw new UnauthenticatedError('Sign in as a person to change your profile');
  const userId = caller.userId;
  // The two shapes say the same where both speak (the schema makes sure); "user" wins where only it does.
  const changes = { ...body, ...body.user };
  const at = body.user ? 'user.' : '';
  const updated = await updateWithRetry(
    async () => {
      const user = await deps.users.get(userId);
      if (!user) throw new UnauthenticatedError('Your account is gone');
      return user;
    },
    (user) => {
      const wrong = unchangeable(body, user, caller);
      const chosen = changes.preferences?.channels;
      // A choice that leaves nothing to send on would silence the person's tasks without anyone noticing.
      if (chosen && !user.channels.some((channel) => chosen.includes(channel.type))) {
        const have = user.channels.map((channel) => (channel.type === 'sms' ? '"sms"' : '"email"'));
        wrong.push({
          path: `${at}preferences.channels`,
          message: `must include one you have: ${have.join(' or ')}`,
        });
      }
      if (wrong.length) throw new InvalidInputError('Some of these cannot be changed', wrong);
      return deps.users.update(user, {
        ...(changes.displayName ? { displayName: changes.displayName } : {}),
        ...(changes.locale ? { locale: changes.locale } : {}),
        ...(changes.timeZone ? { timeZone: changes.timeZone } : {}),
        ...(changes.preferences ? { preferences: { ...user.preferences, ...changes.preferences } } : {}),
        updatedAt: deps.clock.now().toISOString(),
      });
    },
  );
  return meOf(deps, updated, caller.membershipId);
}
