import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import { changeConsent } from '#shared/domain/usecases/publications/change-consent.ts';
import { publicPage } from '#shared/domain/usecases/publications/public-page.ts';
import { evidenceEnv } from '../../../../../support/evidence.ts';
import { rejection } from '../../../../../support/unit-ports.ts';

describe('publicPage', () => {
  it('exists only while both sides consent, and describes the group by counts, naming nobody', async () => {
    const { env, staff, cag } = await evidenceEnv();
    expect(await rejection(publicPage(env.ports, 'bg-stolipinovo'))).toBeInstanceOf(NotFoundError);
    await changeConsent(env.ports, staff, 'bg-stolipinovo', { consent: true });
    expect(await rejection(publicPage(env.ports, 'bg-stolipinovo'))).toBeInstanceOf(NotFoundError);
    await changeConsent(env.ports, cag, 'bg-stolipinovo', { consent: true });
    const page = await publicPage(env.ports, 'bg-stolipinovo');
    expect(page.group.cagMembers).toBe(2);
    expect(page.cycle?.phaseTitles.assessment?.en).toBe('Needs assessment');
    const text = JSON.stringify(page);
    for (const name of [staff.name, cag.name, 'cag@example.org', '+359888000111'])
      expect(text).not.toContain(name);
  });
});
