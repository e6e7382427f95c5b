/**
 * Errors of the local engine, named as Step Functions names them so callers (and the compiled ASL's Catch
 * fields) see what they would see on AWS.
 */

/** StartExecution with a name Step Functions refuses (API reference: `InvalidName`, HTTP 400). */
export class InvalidNameError extends Error {
  constructor(name: string, problem: string) {
    super(`Invalid Name: '${name}': ${problem}`);
    this.name = 'InvalidName';
  }
}

/**
 * StartExecution with the name of an execution that is closed, or open with another input (API reference:
 * "If the execution is closed or if the input is different, it will return a 400 ExecutionAlreadyExists error").
 */
export class ExecutionAlreadyExistsError extends Error {
  constructor(readonly executionId: string) {
    super(`Execution Already Exists: '${executionId}'`);
    this.name = 'ExecutionAlreadyExists';
  }
}

/** StartExecution on a state machine or version that does not exist (API reference: `StateMachineDoesNotExist`). */
export class StateMachineDoesNotExistError extends Error {
  constructor(arn: string) {
    super(`State Machine Does Not Exist: '${arn}'`);
    this.name = 'StateMachineDoesNotExist';
  }
}

/**
 * A request field over its modelled length (SendTaskSuccess `output`, StartExecution `input`: "Maximum length of
 * 262144" bytes of UTF-8; SendTaskFailure `error` 256 and `cause` 32768 characters). AWS's JSON protocol reports a modelled-constraint violation as a ValidationException
 * ("1 validation error detected"); `InvalidOutput` is documented for output that is not valid JSON.
 */
export class PayloadTooLargeError extends Error {
  constructor(
    readonly field: string,
    readonly length: number,
    readonly limit: number,
  ) {
    super(
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${limit} (its length is ${length})`,
    );
    this.name = 'ValidationException';
  }
}

/**
 * An error raised inside an execution that no Retry or Catch may handle. aws-local-stepfunctions reads
 * `isRetryable` / `isCatchable` from the thrown error (its own `States.Runtime` sets both to false).
 */
class TerminalStatesError extends Error {
  get isRetryable() {
    return false;
  }
  get isCatchable() {
    return false;
  }
}

/**
 * `States.DataLimitExceeded`: a state's input (after Parameters), a connector's output or a state's output over
 * 256 KiB. "A terminal error that can't be caught by the States.ALL error type"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html). Locally no catcher
 * handles it, not even one naming it: stricter than AWS, never kinder.
 */
export class DataLimitExceededError extends TerminalStatesError {
  constructor(message: string) {
    super(message);
    this.name = 'States.DataLimitExceeded';
  }
}

/**
 * Settles a step the engine cancelled: its branch was stopped by a failing sibling, or its execution ended
 * (stopped, timed out, or failed at a limit). Nothing may catch it, so a cancelled branch runs no further state.
 */
export class StepCancelledError extends TerminalStatesError {
  constructor(reason: string) {
    super(reason);
    this.name = 'Local.StepCancelled';
  }
}
