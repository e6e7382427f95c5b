import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '#shared/domain/errors.ts';
import type { Message } from '#shared/domain/model/message.ts';
import { listNotifications } from '#shared/domain/usecases/notifications/list-notifications.ts';
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

const message = (id: string, fields: Partial<Message>): Message => ({
  messageId: id,
  role: 'cag',
  locale: 'bg',
  municipalityId: 'bg-stolipinovo',
  municipalityName: 'Plovdiv – Stolipinovo',
  country: 'BG',
  cycleIds: [],
  taskIds: [],
  notificationIds: [],
  kinds: ['reminder'],
  text: id,
  createdAt: '2027-01-04T09:00:00.000Z',
  sendAfter: '2027-01-04T09:00:00.000Z',
  status: 'SENT',
  ...fields,
});

describe('listNotifications', () => {
  it('lists a person’s own messages, newest first, page by page', async () => {
    const me = await personCaller(env, 'cag@example.org');
    const other = await personCaller(env, 'contact@plovdiv.example');
    for (const [index, at] of ['2027-01-01', '2027-01-03', '2027-01-02'].entries())
      await env.ports.messages.put(
        message(`m${index}`, { userId: me.userId, createdAt: `${at}T09:00:00.000Z` }),
      );
    await env.ports.messages.put(message('theirs', { userId: other.userId }));

    const first = await listNotifications(env.ports, me, { limit: 2 });
    expect(first.items.map((one) => one.messageId)).toEqual(['m1', 'm2']);
    const second = await listNotifications(env.ports, me, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((one) => one.messageId)).toEqual(['m0']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('shows a coordinator the notifications nobody could receive in their countries only', async () => {
    await env.ports.messages.put(message('bg-nobody', { status: 'UNDELIVERABLE' }));
    await env.ports.messages.put(
      message('it-nobody', { status: 'UNDELIVERABLE', country: 'IT', municipalityId: 'it-x' }),
    );
    const { items } = await listNotifications(env.ports, callers.coordinator, {
      undeliverable: true,
      limit: 10,
    });
    expect(items.map((one) => one.messageId)).toEqual(['bg-nobody']);
  });

  it('keeps undeliverable notifications from the municipality and the CAG (403), and needs a person for one’s own (401)', async () => {
    for (const caller of [callers.municipality, callers.cag])
      expect(
        await rejection(listNotifications(env.ports, caller, { undeliverable: true, limit: 10 })),
      ).toBeInstanceOf(ForbiddenError);
    expect(await rejection(listNotifications(env.ports, callers.coordinator, { limit: 10 }))).toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});
