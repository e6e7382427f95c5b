import { describe, expect, it } from 'vitest';
import {
  CSV_HEADER,
  csvLine,
  OPEN_DATA_COLUMNS,
  openDataOf,
  openDataRows,
} from '#shared/domain/model/open-data.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import { cycleFixture, taskFixture } from '../../../../support/fixtures.ts';

const cycle = cycleFixture('cyc-0123456789abcdef0123', {
  timeZone: 'Europe/Sofia',
  startedAt: '2027-01-03T23:30:00.000Z',
});
const record = {
  cycle,
  phases: [{ cycleId: cycle.cycleId, phase: 'assessment', revision: 0, startedAt: cycle.startedAt }],
  tasks: [
    taskFixture(cycle.cycleId, 'needs-assessment', {
      status: 'COMPLETED',
      completedAt: '2027-01-10T10:00:00.000Z',
      result: exampleOutputs['needs-assessment'],
    }),
    taskFixture(cycle.cycleId, 'funding-applications', {
      taskId: `${cycle.cycleId}.funding-applications.r0`,
      output: 'funding-applications',
      status: 'COMPLETED',
      revision: 0,
      completedAt: '2027-01-10T10:00:00.000Z',
      result: { applications: [{ ...exampleOutputs['funding-applications'].applications[0], amount: 1 }] },
    }),
    taskFixture(cycle.cycleId, 'funding-applications', {
      taskId: `${cycle.cycleId}.funding-applications.r1`,
      output: 'funding-applications',
      status: 'COMPLETED',
      revision: 1,
      completedAt: '2027-01-11T10:00:00.000Z',
      result: exampleOutputs['funding-applications'],
    }),
    taskFixture(cycle.cycleId, 'community-consultation', {
      status: 'OPEN',
      result: { agreedPriorities: ['not yet'] },
    }),
  ],
  audit: [],
};

describe('openDataOf', () => {
  it('takes the latest revision of completed tasks only, with dates in the municipality’s time zone', () => {
    const data = openDataOf(record as never, { name: 'Plovdiv', timeZone: 'Europe/Sofia' });
    // 23:30 UTC on the 3rd is the 4th in Sofia.
    expect(data.startedOn).toBe('2027-01-04');
    expect(data.applications.map((row) => row.amount)).toEqual(
      exampleOutputs['funding-applications'].applications.map((one) => one.amount),
    );
    expect(data.priorities.map((row) => row.area)).toEqual(
      exampleOutputs['needs-assessment'].priorities.map((one) => one.area),
    );
    expect(JSON.stringify(data)).not.toContain('not yet');
  });

  it('never carries free-text descriptions or references of the outputs', () => {
    const text = JSON.stringify(openDataOf(record as never, { name: 'Plovdiv', timeZone: 'Europe/Sofia' }));
    expect(text).not.toContain(exampleOutputs['needs-assessment'].priorities[0]?.description ?? '§');
    expect(text).not.toContain(exampleOutputs['funding-applications'].applications[0]?.reference ?? '§');
  });
});

describe('CSV rows', () => {
  it('writes the documented columns in order, a cycle row first, each row standing alone', () => {
    const rows = openDataRows(
      openDataOf(record as never, { name: 'Plovdiv', timeZone: 'Europe/Sofia' }),
      'CC-BY-4.0',
    );
    expect(CSV_HEADER.trimEnd().split(',')).toEqual([...OPEN_DATA_COLUMNS]);
    expect(rows[0]).toMatchObject({ record_type: 'cycle', cycle_id: cycle.cycleId, licence: 'CC-BY-4.0' });
    for (const row of rows)
      expect(csvLine(row).split(',').length).toBeGreaterThanOrEqual(OPEN_DATA_COLUMNS.length);
    expect(rows.every((row) => row.municipality_name === 'Plovdiv')).toBe(true);
  });
});
