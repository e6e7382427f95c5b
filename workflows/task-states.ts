import type { AslDefinition, AslState } from './compile-asl.ts';
import { resources, type StepName, stepFunctions } from './step-functions.ts';

/** What a Task state of a compiled definition does, so a runtime can bind it by name. */
export type TaskStateBinding =
  | { stateName: string; kind: 'lambda'; step: StepName; waitForToken: false }
  | { stateName: string; kind: 'lambda'; step: 'openTask'; waitForToken: true }
  | { stateName: string; kind: 'startExecution' };

const stepByPlaceholder = new Map(
  Object.entries(stepFunctions).map(([step, name]) => [`\${${name}}`, step as StepName]),
);

/** Lists every Task state (including those inside Parallel branches) with the step it invokes. */
export function listTaskStates(definition: Pick<AslDefinition, 'States'>): TaskStateBinding[] {
  const found: TaskStateBinding[] = [];
  const visit = (states: Record<string, AslState>) => {
    for (const [stateName, state] of Object.entries(states)) {
      if (state.Type === 'Parallel') {
        for (const branch of state.Branches as { States: Record<string, AslState> }[]) visit(branch.States);
      }
      if (state.Type !== 'Task') continue;
      if (state.Resource === resources.startExecution) {
        found.push({ stateName, kind: 'startExecution' });
        continue;
      }
      const functionName = (state.Parameters as { FunctionName?: string } | undefined)?.FunctionName ?? '';
      const step = stepByPlaceholder.get(functionName);
      if (!step) throw new Error(`Task state "${stateName}" invokes an unknown function ${functionName}`);
      if (state.Resource === resources.invokeAndWait) {
        if (step !== 'openTask')
          throw new Error(`Only the open-task step waits for a token ("${stateName}")`);
        found.push({ stateName, kind: 'lambda', step, waitForToken: true });
      } else {
        found.push({ stateName, kind: 'lambda', step, waitForToken: false });
      }
    }
  };
  visit(definition.States);
  return found;
}
