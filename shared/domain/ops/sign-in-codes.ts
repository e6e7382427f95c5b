import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { appLinks } from '../model/app-links.ts';
import type { Channel, User } from '../model/user.ts';
import { addressKey } from '../model/user.ts';
import { fillPeople, peopleCatalogs } from '../notifications/catalogs/people.ts';
import type { Ports } from '../ports.ts';

/** A sign-in code lives ten minutes; an invitation's a week. A code allows five tries. */
export const SIGN_IN_CODE_MINUTES = 10;
export const INVITATION_CODE_DAYS = 7;
export const MAX_CODE_ATTEMPTS = 5;

const hash = (salt: string, code: string) => createHash('sha256').update(`${salt}:${code}`).digest('hex');

/** True when `code` is the code whose salted hash is stored (compared in constant time). */
export function codeMatches(stored: { salt: string; codeHash: string }, code: string): boolean {
  const given = Buffer.from(hash(stored.salt, code), 'hex');
  const expected = Buffer.from(stored.codeHash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What an invitation says about where the person is invited. */
export interface InvitationContext {
  municipalityName: string;
  role: 'coordinator' | 'municipality' | 'cag';
}

/**
 * Makes a one-time code for a person's address, stores only its salted hash (replacing an earlier code), and
 * sends it on that channel in the person's language: a sign-in code, or an invitation that carries one.
 */
export async function sendCode(
  deps: Pick<Ports, 'signIn' | 'notifier' | 'clock' | 'settings'>,
  user: User,
  channel: Channel,
  invitation?: InvitationContext,
): Promise<{ expiresInSeconds: number }> {
  const now = deps.clock.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const salt = randomBytes(16).toString('hex');
  const lifetimeSeconds = invitation ? INVITATION_CODE_DAYS * 86_400 : SIGN_IN_CODE_MINUTES * 60;
  const key = addressKey(channel.type, channel.address);
  await deps.signIn.putCode({
    addressKey: key,
    userId: user.userId,
    channel: channel.type,
    salt,
    codeHash: hash(salt, code),
    attempts: 0,
    expiresAt: new Date(now.getTime() + lifetimeSeconds * 1_000).toISOString(),
    createdAt: now.toISOString(),
    purpose: invitation ? 'invitation' : 'sign-in',
  });
  const catalog = peopleCatalogs[user.locale] ?? peopleCatalogs.en;
  const text = invitation
    ? fillPeople(catalog.invitation, {
        role: catalog.roles[invitation.role],
        municipality: invitation.municipalityName,
        link: appLinks.home(deps.settings.publicUrl),
        code,
        days: INVITATION_CODE_DAYS,
      })
    : fillPeople(catalog.signInCode, { code, minutes: SIGN_IN_CODE_MINUTES });
  await deps.notifier.deliver({
    // One id per code: a retried delivery of the same code is dropped, a new code is a new message.
    messageId: `msg-${createHash('sha256').update(`${key}:${salt}`).digest('hex').slice(0, 24)}`,
    channel: channel.type,
    recipient: { address: channel.address, locale: user.locale, userId: user.userId },
    municipalityId: '',
    country: '',
    cycleIds: [],
    notificationIds: [],
    kinds: [invitation ? 'invitation' : 'sign-in'],
    ...(channel.type === 'email'
      ? { subject: invitation ? catalog.invitationSubject : catalog.signInSubject }
      : {}),
    text,
    createdAt: now.toISOString(),
  });
  return { expiresInSeconds: lifetimeSeconds };
}

/**
 * Invites a person on one of their channels: with a code of ours where the engine signs people in, or, where the
 * directory sends a code at each sign-in (Cognito on AWS), a message saying where to sign in with this address.
 */
export async function sendInvitation(
  deps: Pick<Ports, 'signIn' | 'notifier' | 'clock' | 'settings'> & Partial<Pick<Ports, 'directory'>>,
  user: User,
  channel: Channel,
  invitation: InvitationContext,
): Promise<void> {
  if (!deps.directory?.sendsSignInCodes) {
    await sendCode(deps, user, channel, invitation);
    return;
  }
  const now = deps.clock.now();
  const catalog = peopleCatalogs[user.locale] ?? peopleCatalogs.en;
  const key = addressKey(channel.type, channel.address);
  await deps.notifier.deliver({
    messageId: `msg-${createHash('sha256').update(`${key}:invitation:${invitation.municipalityName}:${invitation.role}:${now.toISOString()}`).digest('hex').slice(0, 24)}`,
    channel: channel.type,
    recipient: { address: channel.address, locale: user.locale, userId: user.userId },
    municipalityId: '',
    country: '',
    cycleIds: [],
    notificationIds: [],
    kinds: ['invitation'],
    ...(channel.type === 'email' ? { subject: catalog.invitationSubject } : {}),
    text: fillPeople(catalog.invitationWithoutCode, {
      role: catalog.roles[invitation.role],
      municipality: invitation.municipalityName,
      link: appLinks.home(deps.settings.publicUrl),
    }),
    createdAt: now.toISOString(),
  });
}
