import { describe, expect, it } from 'vitest';
import { templateToMermaid } from '#workflows/mermaid.ts';
import { criticalFriendTemplate } from '#workflows/templates/critical-friend.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';

describe('templateToMermaid', () => {
  it('draws the phases in order, the revision loop and both outcomes', () => {
    const chart = templateToMermaid(romactTemplate);
    expect(chart).toMatch(/^flowchart TD/);
    const order = ['assessment', 'consultation', 'plan_approval', 'funding', 'review'].map((id) =>
      chart.indexOf(`subgraph ${id}[`),
    );
    expect(order.every((position, index) => position > (order[index - 1] ?? -1))).toBe(true);
    expect(chart).toContain('plan_approval -- "a rejection (at most 2 revisions)" --> consultation');
    expect(chart).toContain('"outcome: next-cycle"');
  });

  it('uses the requested language where the template has it', () => {
    expect(templateToMermaid(romactTemplate, 'bg')).toContain('Оценка на нуждите');
  });

  it('closes a template without an outcome task', () => {
    expect(templateToMermaid(criticalFriendTemplate)).not.toContain('next-cycle');
  });
});
