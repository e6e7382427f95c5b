import { describe, expect, it } from 'vitest';
import { parseTemplate, TemplateValidationError } from '#shared/domain/model/template.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';

/** A deep copy of the ROMACT template to break one field at a time. */
function romactCopy(): Record<string, any> {
  return structuredClone(romactTemplate) as Record<string, any>;
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseTemplate(input);
  } catch (error) {
    if (error instanceof TemplateValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected the template to be rejected');
}

describe('parseTemplate', () => {
  it('accepts the built-in ROMACT template', () => {
    expect(parseTemplate(romactCopy()).phases.map((phase) => phase.key)).toEqual([
      'assessment',
      'consultation',
      'plan-approval',
      'funding',
      'review',
    ]);
  });

  it.each(['P1Y', 'P359D', 'P12M'])(
    'refuses chainAfter %s: an execution must chain before Step Functions ends it at one year',
    (chainAfter) => {
      const template = romactCopy();
      template.defaults.chainAfter = chainAfter;
      expect(issuesOf(template)).toEqual([
        { path: 'defaults.chainAfter', message: expect.stringContaining('at most P358D') },
      ]);
    },
  );

  it('accepts a task due further out than a year: its wait is split across chained executions', () => {
    const template = romactCopy();
    template.defaults.chainAfter = 'P358D';
    template.phases[0].tasks[0].due = { after: 'P400D' };
    expect(parseTemplate(template).phases[0]?.tasks[0]?.due.after).toBe('P400D');
  });

  it('names the path of an unknown role', () => {
    const template = romactCopy();
    template.phases[1].tasks[0].assignee = 'mayor';
    expect(issuesOf(template)).toEqual([expect.objectContaining({ path: 'phases.1.tasks.0.assignee' })]);
  });

  it('names the path of a revision target that is not an earlier phase', () => {
    const template = romactCopy();
    template.phases[2].backTo = 'funding';
    expect(issuesOf(template)).toEqual([
      { path: 'phases.2.backTo', message: 'revision target "funding" must name an earlier phase' },
    ]);
  });

  it('names the path of a negative duration', () => {
    const template = romactCopy();
    template.phases[0].tasks[0].due.after = 'P-5D';
    expect(issuesOf(template)).toEqual([
      { path: 'phases.0.tasks.0.due.after', message: 'must be a positive ISO-8601 duration such as "P30D"' },
    ]);
  });

  it('names the paths of duplicate phase and task keys', () => {
    const template = romactCopy();
    template.phases[3].key = 'assessment';
    template.phases[4].tasks[0].key = 'needs-assessment';
    const paths = issuesOf(template).map((issue) => issue.path);
    expect(paths).toContain('phases.3.key');
    expect(paths).toContain('phases.4.tasks.0.key');
  });

  it('requires every approver to produce a decision', () => {
    const template = romactCopy();
    template.phases[2].tasks[0].output = 'needs-assessment';
    expect(issuesOf(template).map((issue) => issue.path)).toEqual(['phases.2.tasks.0.output']);
  });

  it('requires an English title as the fallback', () => {
    const template = romactCopy();
    template.phases[0].tasks[0].title = { bg: 'Оценка' };
    expect(issuesOf(template).map((issue) => issue.path)).toEqual(['phases.0.tasks.0.title.en']);
  });

  it('only lets the last phase choose the outcome', () => {
    const template = romactCopy();
    template.phases[0].tasks[0].output = 'monitoring-report';
    expect(issuesOf(template).map((issue) => issue.path)).toContain('phases.0.tasks.0.output');
  });

  it('puts the template id and every path in the error message', () => {
    const template = romactCopy();
    template.phases[1].tasks[0].assignee = 'mayor';
    expect(() => parseTemplate(template)).toThrow(
      /Invalid cycle template "romact": phases\.1\.tasks\.0\.assignee/,
    );
  });
});
