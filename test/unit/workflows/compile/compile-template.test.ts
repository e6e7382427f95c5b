import aslValidator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import type { AslState } from '#workflows/compile/asl.ts';
import { compileTemplate, substitute } from '#workflows/compile/compile-template.ts';
import { listTaskStates } from '#workflows/compile/task-states.ts';
import { steps } from '#workflows/contract.ts';
import { builtInTemplates } from '#workflows/templates/index.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';

const templates = [...builtInTemplates.values()];

function allStates(states: Record<string, AslState>): [string, AslState][] {
  return Object.entries(states).flatMap(([name, state]) => [
    [name, state] as [string, AslState],
    ...((state.Branches as { States: Record<string, AslState> }[] | undefined) ?? []).flatMap((branch) =>
      allStates(branch.States),
    ),
  ]);
}

describe('compileTemplate', () => {
  it.each(templates.map((template) => [template.id, template] as const))(
    'produces a definition that passes asl-validator (%s)',
    (_id, template) => {
      const { isValid, errorsText } = aslValidator(compileTemplate(template));
      expect(errorsText('\n')).toBe('');
      expect(isValid).toBe(true);
    },
  );

  it('is pure: the same template compiles to the same JSON', () => {
    expect(JSON.stringify(compileTemplate(romactTemplate))).toBe(
      JSON.stringify(compileTemplate(romactTemplate)),
    );
  });

  it.each(templates.map((template) => [template.id, template] as const))(
    'gives every human task a timeout read from its staged request (%s)',
    (_id, template) => {
      const waits = allStates(compileTemplate(template).States).filter(
        ([, state]) => state.Resource === 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      );
      expect(waits.length).toBeGreaterThanOrEqual(template.phases.flatMap((phase) => phase.tasks).length);
      for (const [, state] of waits) {
        expect(state.TimeoutSecondsPath).toBe('$.Payload.timeoutSeconds');
        const payload = (state.Parameters as { Payload: Record<string, string> }).Payload;
        expect(payload['timeoutSeconds.$']).toBe('$.Payload.timeoutSeconds');
        expect(payload['taskToken.$']).toBe('$$.Task.Token');
      }
    },
  );

  it('retries Lambda service errors and catches everything else on every Lambda task', () => {
    for (const [name, state] of allStates(compileTemplate(romactTemplate).States)) {
      if (state.Type !== 'Task') continue;
      const retry = state.Retry as { ErrorEquals: string[] }[];
      expect(retry[0]?.ErrorEquals, name).toContain('Lambda.TooManyRequestsException');
      const catches = (state.Catch as { ErrorEquals: string[] }[] | undefined) ?? [];
      const inBranch = name.includes(': await') || name.includes(': check deadline');
      // Branch states let errors reach the phase's Parallel, which records the failure.
      if (!inBranch)
        expect(
          catches.flatMap((c) => c.ErrorEquals),
          name,
        ).toContain('States.ALL');
    }
  });

  it('only references the known function placeholders, and substitution replaces all of them', () => {
    const definition = compileTemplate(romactTemplate);
    const placeholders = new Set(JSON.stringify(definition).match(/\$\{\w+\}/g));
    expect([...placeholders].sort()).toEqual(
      Object.values(steps)
        .map((step) => `\${${step.placeholder}}`)
        .sort(),
    );
    const arns = Object.fromEntries(
      Object.values(steps).map((step) => [
        step.placeholder,
        `arn:aws:lambda:eu-central-1:1:function:${step.placeholder}`,
      ]),
    );
    expect(JSON.stringify(substitute(definition, arns))).not.toMatch(/\$\{/);
  });

  it('binds every Task state to a known step: a task and a coordinator wait per human task', () => {
    const bindings = listTaskStates(compileTemplate(romactTemplate));
    expect(bindings.filter((binding) => binding.waitForToken)).toHaveLength(12);
  });
});
