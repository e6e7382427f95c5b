import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '#shared/domain/errors.ts';
import { changeConsent } from '#shared/domain/usecases/publications/change-consent.ts';
import { evidenceEnv } from '../../../../../support/evidence.ts';
import { callers, rejection } from '../../../../../support/unit-ports.ts';

describe('changeConsent', () => {
  it('publishes once both sides consent, unpublishes when either withdraws, and announces each change once', async () => {
    const { env, staff, cag } = await evidenceEnv();
    expect((await changeConsent(env.ports, staff, 'bg-stolipinovo', { consent: true })).published).toBe(
      false,
    );
    const both = await changeConsent(env.ports, cag, 'bg-stolipinovo', {
      consent: true,
      body: { genderBalance: { women: 4, men: 3, otherOrUndisclosed: 1 } },
    });
    expect(both.published).toBe(true);
    expect(both.publication.consents.cag?.userId).toBe(cag.userId);
    const withdrawn = await changeConsent(env.ports, cag, 'bg-stolipinovo', { consent: false });
    expect(withdrawn.published).toBe(false);
    const changes = env.notifier.events.filter((event) => event.type === 'publication.changed');
    expect(changes.map((event) => [event.type, event.detail.published])).toEqual([
      ['publication.changed', true],
      ['publication.changed', false],
    ]);
  });

  it('leaves the decision to the two sides: a coordinator may not consent', async () => {
    const { env } = await evidenceEnv();
    expect(
      await rejection(changeConsent(env.ports, callers.coordinator, 'bg-stolipinovo', { consent: true })),
    ).toBeInstanceOf(ForbiddenError);
  });
});
