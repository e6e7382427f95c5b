import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, UnauthenticatedError } from '#shared/domain/errors.ts';
import { calendarUrl } from '#shared/domain/usecases/people/calendar-url.ts';
import { personalCalendar } from '#shared/domain/usecases/people/personal-calendar.ts';
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

const tokenOf = (url: string) => /\/calendar\/([^/]+)\.ics$/.exec(url)?.[1] as string;

describe('calendarUrl', () => {
  it('gives the person one stable URL under the public address that opens their calendar', async () => {
    const me = await personCaller(env, 'cag@example.org');
    const { url } = await calendarUrl(env.ports, me, { rotate: false });
    expect(url).toMatch(/^https:\/\/romact\.example\.org\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    expect((await calendarUrl(env.ports, me, { rotate: false })).url).toBe(url);
    await expect(personalCalendar(env.ports, tokenOf(url))).resolves.toContain('BEGIN:VCALENDAR');
  });

  it('rotates to a new URL on request; the old one stops working at once', async () => {
    const me = await personCaller(env, 'cag@example.org');
    const old = await calendarUrl(env.ports, me, { rotate: false });
    const fresh = await calendarUrl(env.ports, me, { rotate: true });
    expect(fresh.url).not.toBe(old.url);
    expect(await rejection(personalCalendar(env.ports, tokenOf(old.url)))).toBeInstanceOf(NotFoundError);
    await expect(personalCalendar(env.ports, tokenOf(fresh.url))).resolves.toContain('BEGIN:VCALENDAR');
  });

  it('gives two people two different URLs', async () => {
    const one = await calendarUrl(env.ports, await personCaller(env, 'cag@example.org'), { rotate: false });
    const two = await calendarUrl(env.ports, await personCaller(env, 'contact@plovdiv.example'), {
      rotate: false,
    });
    expect(one.url).not.toBe(two.url);
  });

  it('is only for a signed-in person (401 for a script token)', async () => {
    expect(await rejection(calendarUrl(env.ports, callers.cag, { rotate: false }))).toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});
