import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import { exportCycles } from '#shared/domain/usecases/exports/export-cycles.ts';
import { evidenceEnv } from '../../../../../support/evidence.ts';
import { callers, rejection } from '../../../../../support/unit-ports.ts';

describe('exportCycles', () => {
  it('writes a coordinator’s country export into the file store and links to it', async () => {
    const { env, task } = await evidenceEnv();
    const result = await exportCycles(env.ports, callers.coordinator, { country: 'BG', format: 'csv' });
    expect(result).toMatchObject({ cycles: 1, licence: 'CC-BY-4.0' });
    const [key, bytes] =
      [...env.files.objects.entries()].find(([name]) => name.startsWith('exports/BG/')) ?? [];
    expect(key).toBeDefined();
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toMatch(/^schema_version,licence,cycle_id/);
    expect(text).toContain(task.cycleId);
    expect(text).not.toContain('Contact Person');
  });

  it('gives a municipality its own cycles only, and refuses other countries or municipalities with a 404', async () => {
    const { env } = await evidenceEnv();
    expect((await exportCycles(env.ports, callers.cag, { country: 'BG', format: 'json' })).cycles).toBe(1);
    for (const [caller, scope] of [
      [callers.otherCoordinator, { country: 'BG' }],
      [callers.municipality, { country: 'RO' }],
      [callers.municipality, { country: 'BG', municipalityId: 'bg-other' }],
    ] as const)
      expect(await rejection(exportCycles(env.ports, caller, { ...scope, format: 'csv' }))).toBeInstanceOf(
        NotFoundError,
      );
  });
});
