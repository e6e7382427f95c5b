import { beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '#shared/domain/model/task.ts';
import type { User } from '#shared/domain/model/user.ts';
import { notifyPeople } from '#shared/domain/ops/notify-people.ts';
import {
  givenCycle,
  givenMunicipality,
  runPhase,
  stallOn,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycleId: string;
let consultation: Task;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  const cycle = await givenCycle(env);
  cycleId = cycle.cycleId;
  [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
  env.notifier.messages.length = 0;
});

const addresses = () => env.notifier.messages.map((one) => one.recipient.address).sort();
const extended = (audience: Parameters<typeof notifyPeople>[1]['audience'], key = 'k-1') =>
  notifyPeople(env.ports, {
    kind: 'deadline-extended',
    key,
    municipalityId: 'bg-stolipinovo',
    cycleId,
    task: consultation,
    values: { due: '2027-03-31T21:30:00.000Z', previous: '2027-02-18T21:59:59.999Z' },
    audience,
  });

describe('notifyPeople', () => {
  it('tells a task’s assignees, each on their channels and in their language, with dates in the municipality’s time zone', async () => {
    await extended({ assigneesOf: consultation });

    expect(addresses()).toEqual(['+359888000111', 'cag@example.org']);
    const email = env.notifier.messages.find((one) => one.channel === 'email');
    // 21:30 UTC on 31 March is 1 April in Sofia.
    expect(email?.text).toContain('вече е със срок 1.04.2027 г. (беше 18.02.2027 г.)');
    expect(email?.text).toContain('Запишете консултацията с общността');
    expect(email?.text).toContain(`https://romact.example.org/task/${consultation.taskId}`);
    const sms = env.notifier.messages.find((one) => one.channel === 'sms');
    expect(sms?.text).not.toContain('https://');
  });

  it('tells a municipality’s members, or a country’s coordinators, as asked, each person once per channel', async () => {
    await extended({ membersOf: 'bg-stolipinovo', assigneesOf: consultation }, 'members');
    expect(addresses()).toEqual(['+359888000111', 'cag@example.org', 'contact@plovdiv.example']);

    env.notifier.messages.length = 0;
    await extended({ coordinatorsOf: 'BG' }, 'coordinators');
    expect(addresses()).toEqual(['coordinator@romact.example']);
    expect(env.notifier.messages[0]?.text).toMatch(/^New deadline/);
  });

  it('sends a coordinator’s task to the coordinators of the country', async () => {
    const stall = await stallOn(env, consultation);
    env.notifier.messages.length = 0;
    await notifyPeople(env.ports, {
      kind: 'cycle-resumed',
      key: 'resumed',
      municipalityId: 'bg-stolipinovo',
      cycleId,
      task: stall,
      values: { due: '2027-06-30T20:59:59.999Z' },
      audience: { assigneesOf: stall },
    });
    expect(addresses()).toEqual(['coordinator@romact.example']);
  });

  it('tells once under one key: a retried step stores and sends nothing new', async () => {
    const member = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
    const stored = async () =>
      (await env.ports.messages.listForUser(member.userId, { limit: 100 })).items.length;
    const before = await stored();
    await extended({ assigneesOf: consultation });
    await extended({ assigneesOf: consultation });
    expect(env.notifier.messages).toHaveLength(2);
    expect(await stored()).toBe(before + 1);
  });

  it('waits for the end of a person’s quiet hours', async () => {
    const member = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
    // 11:00 in Sofia is inside 08:00–20:00 quiet hours.
    await env.ports.users.update(member, { preferences: { quietHours: { start: '08:00', end: '20:00' } } });
    await extended({ assigneesOf: consultation });
    expect(addresses()).toEqual(['+359888000111']);
    const [held] = (await env.ports.messages.listForUser(member.userId, { limit: 10 })).items.filter((one) =>
      one.kinds.includes('deadline-extended'),
    );
    expect(held).toMatchObject({ status: 'PENDING', sendAfter: '2027-01-04T18:00:00.000Z' });
  });

  it('never fails the change it reports, even when the store does', async () => {
    const broken = {
      ...env.ports,
      municipalities: { ...env.ports.municipalities, get: async () => Promise.reject(new Error('down')) },
    };
    await expect(
      notifyPeople(broken, {
        kind: 'cycle-cancelled',
        key: 'x',
        municipalityId: 'bg-stolipinovo',
        cycleId,
        audience: { membersOf: 'bg-stolipinovo' },
      }),
    ).resolves.toBeUndefined();
  });
});
