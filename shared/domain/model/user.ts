import { createHash } from 'node:crypto';
import * as z from 'zod';
import { isTimeZone } from './dates.ts';
import { Instant } from './instant.ts';
import { LocaleCode } from './roles.ts';

/** People: who signs in, how to reach them, and in which language. Personal data: never logged, erasable. */

/** An email address, as people type it; stored trimmed and lower-case. */
export const EmailAddress = z
  .email({ error: 'must be an email address such as "name@example.org"' })
  .max(254);
/** A phone number in E.164 form. */
export const PhoneNumber = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +359888123456');

/** How a person can be reached: an email address or a phone for SMS. */
export const Channel = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('email'), address: EmailAddress, verifiedAt: Instant.optional() }),
  z.strictObject({ type: z.literal('sms'), address: PhoneNumber, verifiedAt: Instant.optional() }),
]);
/** A contact channel. */
export type Channel = z.infer<typeof Channel>;
/** The kinds of channel. */
export type ChannelType = Channel['type'];

/** A time of day, HH:MM (24 h). */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as "21:00"');

/** What a person chose for their notifications. */
export const Preferences = z.strictObject({
  /** Channels to use; all of the person's channels when unset. */
  channels: z
    .array(z.enum(['email', 'sms']))
    .max(2)
    .optional(),
  /** No messages between these times (the person's time zone); they are sent when the window ends. */
  quietHours: z.strictObject({ start: TimeOfDay, end: TimeOfDay }).nullable().optional(),
});
/** Notification preferences. */
export type Preferences = z.infer<typeof Preferences>;

/** A person who can sign in. */
export const User = z.object({
  userId: z.string().min(1).max(100),
  displayName: z.string().trim().min(1).max(120),
  locale: LocaleCode,
  timeZone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as "Europe/Sofia"'),
  channels: z.array(Channel).max(4),
  preferences: Preferences.default({}),
  /** The secret of the personal calendar URL (a calendar app sends no credentials, only the URL). */
  calendarToken: z.string().optional(),
  /** The membership the person acts in after sign-in (switchable). */
  activeMembershipId: z.string().optional(),
  status: z.enum(['ACTIVE', 'ERASED']).default('ACTIVE'),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.int().min(1),
});
/** A person who can sign in. */
export type User = z.infer<typeof User>;

/** The form an address is stored and looked up in. */
export function normalizeAddress(type: ChannelType, address: string): string {
  return type === 'email' ? address.trim().toLowerCase() : address.trim();
}

/** The channels a person is reached on: their choice, else every channel they have. */
export function deliveryChannels(user: Pick<User, 'channels' | 'preferences'>): Channel[] {
  const chosen = user.preferences.channels;
  return user.channels.filter((channel) => !chosen || chosen.includes(channel.type));
}

/** The key an address is found by, without the address in it (sha-256 of its normalized form). */
export function addressKey(type: ChannelType, address: string): string {
  return createHash('sha256')
    .update(`${type}:${normalizeAddress(type, address)}`)
    .digest('hex');
}
