import { describe, expect, it } from 'vitest';
import { type AuditEvent, peopleOf, withPseudonym } from '#shared/domain/model/audit-event.ts';

const event = (actor: AuditEvent['actor']): AuditEvent => ({
  cycleId: 'cyc-1',
  eventId: 'e-1',
  at: '2027-01-04T09:00:00.000Z',
  type: 'task.completed',
  actor,
  data: {},
});
const entered = event({
  kind: 'person',
  userId: 'usr-staff',
  name: 'Staff',
  role: 'municipality',
  onBehalfOf: [
    { userId: 'usr-a', name: 'Ana' },
    { userId: 'usr-b', name: 'Boris' },
  ],
});

describe('peopleOf', () => {
  it('names who acted and everyone it was done for', () => {
    expect(peopleOf(entered)).toEqual(['usr-staff', 'usr-a', 'usr-b']);
    expect(peopleOf(event({ kind: 'workflow' }))).toEqual([]);
    expect(peopleOf(event('cag'))).toEqual([]);
  });
});

describe('withPseudonym', () => {
  it('replaces the name of the erased person wherever the event names them, and no one else’s', () => {
    expect(withPseudonym(entered, 'usr-a', 'erased person 1').actor).toEqual({
      kind: 'person',
      userId: 'usr-staff',
      name: 'Staff',
      role: 'municipality',
      onBehalfOf: [
        { userId: 'usr-a', name: 'erased person 1' },
        { userId: 'usr-b', name: 'Boris' },
      ],
    });
    expect(withPseudonym(entered, 'usr-staff', 'erased person 2').actor).toMatchObject({
      name: 'erased person 2',
      onBehalfOf: [{ name: 'Ana' }, { name: 'Boris' }],
    });
  });

  it('leaves events without a person as they are', () => {
    const workflow = event({ kind: 'workflow' });
    expect(withPseudonym(workflow, 'usr-a', 'x')).toBe(workflow);
  });
});
