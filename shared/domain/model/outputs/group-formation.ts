import * as z from 'zod';
import { CalendarDate } from '../dates.ts';
import { about, kind, memberRef, type RuleViolation, withinCycle } from './kind.ts';

/** The groups ROMACT sets up: the Community Action Group, the municipal working group, the joint task force. */
export const GroupKind = z.enum(['cag', 'working-group', 'task-force']);

const Balance = about(
  'group-formation.group.balance',
  z.strictObject({
    women: about('group-formation.group.balance.women', z.int().min(0).max(1_000)),
    men: about('group-formation.group.balance.men', z.int().min(0).max(1_000)),
    undisclosed: about('group-formation.group.balance.undisclosed', z.int().min(0).max(1_000)),
    under30: about('group-formation.group.balance.under30', z.int().min(0).max(1_000)),
    over64: about('group-formation.group.balance.over64', z.int().min(0).max(1_000)),
  }),
);

/** The groups as formed: members as people with roles, gender and age balance as counts only. */
export const GroupFormation = about(
  'group-formation',
  z.strictObject({
    groups: about(
      'group-formation.groups',
      z
        .array(
          about(
            'group-formation.group',
            z.strictObject({
              group: about('group-formation.group.group', GroupKind),
              formedOn: about('group-formation.group.formedOn', CalendarDate),
              members: about(
                'group-formation.group.members',
                z
                  .array(
                    about(
                      'group-formation.group.member',
                      z.strictObject({
                        member: about('group-formation.group.member.member', memberRef),
                        role: about(
                          'group-formation.group.member.role',
                          z.enum(['chair', 'secretary', 'member', 'facilitator', 'municipal-staff']),
                        ),
                        trained: about(
                          'group-formation.group.member.trained',
                          z.enum(['yes', 'no', 'planned']),
                        ),
                      }),
                    ),
                  )
                  .min(1)
                  .max(200),
              ),
              balance: Balance,
            }),
          ),
        )
        .min(1)
        .max(3),
    ),
  }),
);

/** The CAG is among the groups, each group once, and the balance counts add up to the members. */
export const groupFormation = kind({
  schema: GroupFormation,
  summarize: () => ({}),
  rules: (output, context) => {
    const minimum = context.parameters.minCagMembers ?? 0;
    const cag = output.groups.find((group) => group.group === 'cag');
    const violations: RuleViolation[] = cag
      ? []
      : [{ path: 'groups', message: 'the Community Action Group (cag) must be formed' }];
    if (cag && cag.members.length < minimum)
      violations.push({
        path: `groups.${output.groups.indexOf(cag)}.members`,
        message: `the Community Action Group needs at least ${minimum} members (has ${cag.members.length})`,
      });
    output.groups.forEach((group, index) => {
      const path = `groups.${index}`;
      if (output.groups.findIndex((other) => other.group === group.group) !== index)
        violations.push({ path: `${path}.group`, message: `"${group.group}" is listed twice` });
      violations.push(...withinCycle(group.formedOn, `${path}.formedOn`, context));
      const counted = group.balance.women + group.balance.men + group.balance.undisclosed;
      if (counted !== group.members.length)
        violations.push({
          path: `${path}.balance`,
          message: `women, men and undisclosed must add up to the ${group.members.length} members (is ${counted})`,
        });
      if (group.balance.under30 + group.balance.over64 > group.members.length)
        violations.push({
          path: `${path}.balance.under30`,
          message: 'the age groups cannot hold more people than the group',
        });
      const seen = new Set<string>();
      group.members.forEach((member, memberIndex) => {
        if (seen.has(member.member))
          violations.push({ path: `${path}.members.${memberIndex}.member`, message: 'listed twice' });
        seen.add(member.member);
      });
    });
    return violations;
  },
});
