import { describe, expect, it } from 'vitest';
import { Actor, actorOf } from '#shared/domain/model/actor.ts';

describe('actorOf', () => {
  it('records a person by id, name, role and membership', () => {
    expect(
      actorOf({ role: 'cag', municipalityId: 'bg-x', userId: 'usr-1', name: 'Ana', membershipId: 'mbr-1' }),
    ).toEqual({
      kind: 'person',
      userId: 'usr-1',
      name: 'Ana',
      role: 'cag',
      membershipId: 'mbr-1',
    });
  });

  it('falls back to the id for a person without a name, and records a script token by role only', () => {
    expect(actorOf({ role: 'coordinator', countries: ['BG'], userId: 'usr-1' })).toEqual({
      kind: 'person',
      userId: 'usr-1',
      name: 'usr-1',
      role: 'coordinator',
    });
    expect(actorOf({ role: 'municipality', municipalityId: 'bg-x' })).toEqual({
      kind: 'script',
      role: 'municipality',
    });
  });

  it('still reads events recorded before people existed (a bare role)', () => {
    expect(Actor.parse('municipality')).toBe('municipality');
    expect(Actor.safeParse({ kind: 'robot' }).success).toBe(false);
  });
});
