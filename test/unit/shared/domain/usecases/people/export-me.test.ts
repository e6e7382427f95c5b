import { beforeEach, describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '#shared/domain/errors.ts';
import type { Message } from '#shared/domain/model/message.ts';
import { calendarUrl } from '#shared/domain/usecases/people/calendar-url.ts';
import { exportMe } from '#shared/domain/usecases/people/export-me.ts';
import { personCaller } from '../../../../../support/signed-in.ts';
import {
  callers,
  givenMunicipality,
  rejection,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
});

const message = (userId: string, index: number): Message => ({
  messageId: `msg-${userId}-${String(index).padStart(3, '0')}`,
  userId,
  channel: 'email',
  role: 'cag',
  locale: 'bg',
  municipalityId: 'bg-stolipinovo',
  municipalityName: 'Plovdiv – Stolipinovo',
  country: 'BG',
  cycleIds: [],
  taskIds: [],
  notificationIds: [],
  kinds: ['reminder'],
  text: `Message ${index}`,
  createdAt: new Date(Date.UTC(2027, 0, 1, 0, index)).toISOString(),
  sendAfter: '2027-01-01T00:00:00.000Z',
  status: 'SENT',
});

describe('exportMe', () => {
  it('gives the person their profile, memberships, every message sent to them and what they did, without the calendar secret', async () => {
    const me = await personCaller(env, 'cag@example.org');
    const other = await personCaller(env, 'contact@plovdiv.example');
    for (let index = 0; index < 130; index++) await env.ports.messages.put(message(me.userId, index));
    await env.ports.messages.put(message(other.userId, 0));
    await env.ports.audit.append({
      cycleId: 'cyc-1',
      eventId: 'e-1',
      at: '2027-01-04T09:00:00.000Z',
      type: 'task.completed',
      actor: { kind: 'person', userId: me.userId, name: 'CAG Member', role: 'cag' },
      data: {},
    });
    await calendarUrl(env.ports, me, { rotate: false });

    const exported = await exportMe(env.ports, me);

    expect(exported.exportedAt).toBe(env.clock.now().toISOString());
    expect(exported.user).toMatchObject({
      userId: me.userId,
      displayName: 'CAG Member',
      channels: [{ address: 'cag@example.org' }],
    });
    expect(exported.user).not.toHaveProperty('calendarToken');
    expect(exported.memberships).toEqual([
      expect.objectContaining({ role: 'cag', municipalityId: 'bg-stolipinovo' }),
    ]);
    expect(exported.messages).toHaveLength(130);
    expect(new Set(exported.messages.map((one) => one.userId))).toEqual(new Set([me.userId]));
    expect(exported.actions.map((one) => one.eventId)).toEqual(['e-1']);
  });

  it('is only for a signed-in person (a script token has no person: 401)', async () => {
    expect(await rejection(exportMe(env.ports, callers.cag))).toBeInstanceOf(UnauthenticatedError);
  });
});
