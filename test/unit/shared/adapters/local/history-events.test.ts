import { describe, expect, it } from 'vitest';
import {
  historyEventsOf,
  type InterpreterEvent,
  isTerminalEvent,
} from '#shared/adapters/local/history-events.ts';

const state = (type: string) => ({ name: 'S', type, input: {} });
const event = (type: string, stateType?: string) =>
  ({ type, timestamp: 0, ...(stateType ? { state: state(stateType) } : {}) }) as unknown as InterpreterEvent;

describe('History events: what AWS records for each interpreter event', () => {
  it.each([
    ['ExecutionStarted', undefined, 1],
    ['StateEntered', 'Task', 3],
    ['StateExited', 'Task', 2],
    ['StateFailed', 'Task', 1],
    ['StateRetried', 'Task', 2],
    ['StateCaught', 'Task', 1],
    ['StateEntered', 'Parallel', 2],
    ['StateExited', 'Parallel', 2],
    ['StateFailed', 'Parallel', 1],
    ['StateEntered', 'Choice', 1],
    ['StateExited', 'Choice', 1],
    ['StateEntered', 'Pass', 1],
    ['StateEntered', 'Fail', 1],
    ['StateFailed', 'Fail', 0],
    ['ParallelBranchStarted', undefined, 0],
    ['ParallelBranchSucceeded', undefined, 0],
    ['MapIterationStarted', undefined, 1],
    ['ExecutionSucceeded', undefined, 1],
  ])('%s of a %s state stands for %i event(s)', (type, stateType, count) => {
    expect(historyEventsOf(event(type, stateType))).toBe(count);
  });

  it('tells the closing events apart', () => {
    expect(isTerminalEvent(event('ExecutionFailed'))).toBe(true);
    expect(isTerminalEvent(event('StateExited', 'Task'))).toBe(false);
  });
});
