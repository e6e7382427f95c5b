import { describe, expect, it } from 'vitest';
import {
  DurationText,
  Key,
  NotificationPolicy,
  PhaseBase,
  TaskTemplate,
} from '#shared/domain/model/template-parts.ts';

const task = {
  key: 'needs-assessment',
  title: { en: 'Assess' },
  assignee: 'municipality',
  due: { after: 'P30D' },
  output: 'needs-assessment',
};

describe('template parts', () => {
  it('take lower-case keys up to 40 characters', () => {
    for (const good of ['plan-approval', 'a', `a${'b'.repeat(39)}`])
      expect(Key.safeParse(good).success, good).toBe(true);
    for (const bad of ['Plan', '1plan', 'plan approval', `a${'b'.repeat(40)}`, ''])
      expect(Key.safeParse(bad).success, bad).toBe(false);
  });

  it('take positive ISO-8601 durations only', () => {
    expect(DurationText.safeParse('P30D').success).toBe(true);
    expect(DurationText.safeParse('P0D').error?.issues[0]?.message).toMatch(/positive ISO-8601/);
    expect(NotificationPolicy.safeParse({ remindBefore: ['P7D', '-P1D'] }).error?.issues[0]?.path).toEqual([
      'remindBefore',
      1,
    ]);
  });

  it('name a task’s unknown output, unknown field and bad date name at their paths', () => {
    const parsed = TaskTemplate.safeParse({
      ...task,
      output: 'essay',
      due: { after: 'P30D', unlessDate: 'Closes-At' },
      colour: 'red',
    });
    expect(
      parsed.error?.issues
        .map((issue) => [...issue.path, ...('keys' in issue ? issue.keys : [])].join('.'))
        .sort(),
    ).toEqual(['colour', 'due.unlessDate', 'output']);
  });

  it('hold a phase to one to ten tasks', () => {
    const phase = (count: number) => ({
      key: 'p',
      title: { en: 'P' },
      tasks: Array.from({ length: count }, () => task),
    });
    expect(PhaseBase.safeParse(phase(1)).success).toBe(true);
    expect(PhaseBase.safeParse(phase(0)).success).toBe(false);
    expect(PhaseBase.safeParse(phase(11)).success).toBe(false);
  });
});
