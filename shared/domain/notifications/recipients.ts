import { dateTimeFormat, zonedInstant } from '../model/dates.ts';
import type { Membership } from '../model/membership.ts';
import type { Channel, User } from '../model/user.ts';
import { deliveryChannels } from '../model/user.ts';
import type { Ports } from '../ports.ts';

/** A person to notify on one channel, with their language and when they may be disturbed. */
export interface Addressee {
  user: User;
  channel: Channel;
  role: 'municipality' | 'cag' | 'coordinator';
}

/**
 * Who hears about a task: its assignees are the members of the municipality who hold the task's role; escalations
 * and stalls go to every coordinator of the municipality's country. Each person on each channel they chose.
 */
export async function addresseesOf(
  deps: Pick<Ports, 'users'>,
  audience:
    | { role: 'municipality' | 'cag'; municipalityId: string }
    | { role: 'coordinator'; country: string },
): Promise<Addressee[]> {
  const memberships: Membership[] =
    audience.role === 'coordinator'
      ? await deps.users.coordinatorsOf(audience.country)
      : (await deps.users.membersOf(audience.municipalityId)).filter((one) => one.role === audience.role);
  const people = new Map<string, Membership>();
  for (const membership of memberships) people.set(membership.userId, membership);
  const addressees: Addressee[] = [];
  for (const userId of people.keys()) {
    const user = await deps.users.get(userId);
    if (!user || user.status !== 'ACTIVE') continue;
    for (const channel of deliveryChannels(user)) addressees.push({ user, channel, role: audience.role });
  }
  return addressees;
}

/** Minutes since midnight of "HH:MM". */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * When a person may receive a message created at `now`: at once, or, inside their quiet hours (their time
 * zone), when the quiet hours end.
 */
export function sendAfterFor(user: Pick<User, 'preferences' | 'timeZone'>, now: Date): Date {
  const quiet = user.preferences.quietHours;
  if (!quiet || quiet.start === quiet.end) return now;
  const parts = dateTimeFormat('en-CA', {
    timeZone: user.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((one) => one.type === type)?.value ?? '00';
  const today = `${part('year')}-${part('month')}-${part('day')}`;
  const current = Number(part('hour')) * 60 + Number(part('minute'));
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? current >= start && current < end : current >= start || current < end;
  if (!inside) return now;
  // The quiet hours end today, or (a window over midnight, entered before midnight) tomorrow.
  const endDate =
    start > end && current >= start
      ? new Date(zonedInstant(today, '12:00', user.timeZone).getTime() + 86_400_000)
      : undefined;
  const endDay = endDate
    ? dateTimeFormat('en-CA', {
        timeZone: user.timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(endDate)
    : today;
  return zonedInstant(endDay, quiet.end, user.timeZone);
}
