import { describe, expect, it } from 'vitest';
import {
  ExecutionAlreadyExistsError,
  InvalidNameError,
} from '#shared/adapters/local/step-functions-errors.ts';
import { romactOnDoubles } from './romact-doubles.ts';

const input = (cycleId: string) => ({ cycleId, revision: { count: 0 } });

describe('LocalWorkflowEngine.startExecution: StartExecution names', () => {
  // One engine for these cases: a refused name starts nothing (building an engine validates the definition).
  const romact = romactOnDoubles({});

  it.each([
    ['81 characters', 'c'.repeat(81)],
    ['an empty name', ''],
    ['a space', 'cycle one'],
    ['a tab', 'cycle\tone'],
    ['a colon', 'cycle:one'],
    ['a slash', 'cycle/one'],
    ['a bracket', 'cycle[1]'],
    ['a wildcard', 'cycle*'],
    ['a dollar', 'cycle$'],
    ['a control character', 'cycle\u0007'],
    ['a C1 control character', 'cycle\u0085'],
  ])('refuses a name with %s (InvalidName), starting nothing', async (_case, name) => {
    // Act
    const started = romact.engine.startExecution('romact', name, input('cyc-1'));

    // Assess
    await expect(started).rejects.toBeInstanceOf(InvalidNameError);
    await expect(started).rejects.toMatchObject({ name: 'InvalidName' });
    expect(romact.engine.list()).toEqual([]);
  });

  it('accepts 80 characters and non-ASCII letters', async () => {
    // Act
    await romact.engine.startExecution('romact', 'c'.repeat(80), input('cyc-1'));
    await romact.engine.startExecution('romact', 'Zăpadă-Štúrovo_2027', input('cyc-2'));

    // Assess
    expect(romact.engine.list().map((execution) => execution.status)).toEqual(['RUNNING', 'RUNNING']);
    await romact.engine.stopAll();
  });
});

describe('LocalWorkflowEngine.startExecution: an existing name', () => {
  it('returns the running execution for the same name and input, starting nothing new', async () => {
    // Prepare
    const romact = romactOnDoubles({});
    const first = await romact.engine.startExecution('romact', 'cyc-1', input('cyc-1'));

    // Act
    const again = await romact.engine.startExecution('romact', 'cyc-1', input('cyc-1'));

    // Assess
    expect(again).toEqual(first);
    expect(romact.engine.list()).toHaveLength(1);
    await romact.engine.stopAll();
  });

  it('refuses a running execution’s name with another input (ExecutionAlreadyExists)', async () => {
    // Prepare
    const romact = romactOnDoubles({});
    await romact.engine.startExecution('romact', 'cyc-1', input('cyc-1'));

    // Act
    const again = romact.engine.startExecution('romact', 'cyc-1', { ...input('cyc-1'), resumeAt: 'funding' });

    // Assess
    await expect(again).rejects.toBeInstanceOf(ExecutionAlreadyExistsError);
    await expect(again).rejects.toMatchObject({ name: 'ExecutionAlreadyExists' });
    await romact.engine.stopAll();
  });

  it('refuses a closed execution’s name even with the same input (ExecutionAlreadyExists)', async () => {
    // Prepare
    const romact = romactOnDoubles({});
    const { executionId } = await romact.engine.startExecution('romact', 'cyc-1', input('cyc-1'));
    await romact.engine.stop(executionId, 'cancelled');

    // Act
    const again = romact.engine.startExecution('romact', 'cyc-1', input('cyc-1'));

    // Assess
    await expect(again).rejects.toBeInstanceOf(ExecutionAlreadyExistsError);
    expect(romact.engine.list().map((execution) => execution.status)).toEqual(['ABORTED']);
  });
});
