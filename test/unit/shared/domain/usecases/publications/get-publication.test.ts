import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import { changeConsent } from '#shared/domain/usecases/publications/change-consent.ts';
import { getPublication } from '#shared/domain/usecases/publications/get-publication.ts';
import { evidenceEnv } from '../../../../../support/evidence.ts';
import { callers, rejection } from '../../../../../support/unit-ports.ts';

describe('getPublication', () => {
  it('shows each side’s consent to the tenant and its coordinators, and nothing to anyone else', async () => {
    const { env, staff } = await evidenceEnv();
    expect(await getPublication(env.ports, callers.cag, 'bg-stolipinovo')).toEqual({ published: false });
    await changeConsent(env.ports, staff, 'bg-stolipinovo', { consent: true });
    const seen = await getPublication(env.ports, callers.coordinator, 'bg-stolipinovo');
    expect(seen.publication?.consents.municipality?.userId).toBe(staff.userId);
    expect(await rejection(getPublication(env.ports, callers.otherCag, 'bg-stolipinovo'))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
