import { type StepName, steps } from '../contract.ts';
import { type AslDefinition, type AslState, resources } from './asl.ts';

/** What a Task state of a compiled definition does, so a runtime can bind it by name. */
export interface TaskStateBinding {
  stateName: string;
  step: StepName;
  waitForToken: boolean;
}

const stepByPlaceholder = new Map(
  (Object.entries(steps) as [StepName, (typeof steps)[StepName]][]).map(([step, contract]) => [
    `\${${contract.placeholder}}`,
    step,
  ]),
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
      const functionName = (state.Parameters as { FunctionName?: string } | undefined)?.FunctionName ?? '';
      const step = stepByPlaceholder.get(functionName);
      if (!step) throw new Error(`Task state "${stateName}" invokes an unknown function ${functionName}`);
      const waitForToken = state.Resource === resources.invokeAndWait;
      if (waitForToken !== steps[step].waitsForToken)
        throw new Error(
          `Task state "${stateName}" calls ${step} in the wrong way (waitForToken: ${waitForToken})`,
        );
      found.push({ stateName, step, waitForToken });
    }
  };
  visit(definition.States);
  return found;
}
