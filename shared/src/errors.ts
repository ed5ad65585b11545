/**
 * Base of every error OpsWorker throws on purpose. `userMessage` is the only text ever shown to
 * an end user (HTTP body, Slack, desktop); the message and cause go to the log.
 */
export class OpsWorkerError extends Error {
  override name = 'OpsWorkerError';
  readonly userMessage: string;

  constructor(message: string, options: { cause?: unknown; userMessage?: string } = {}) {
    super(message, { cause: options.cause });
    this.userMessage = options.userMessage ?? message;
  }
}

/** Input that does not match a contract. `field` names what was wrong, for a 400. */
export class ValidationError extends OpsWorkerError {
  override name = 'ValidationError';
  readonly field: string | undefined;

  constructor(message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.field = options.field;
  }
}

export class NotFoundError extends OpsWorkerError {
  override name = 'NotFoundError';
}

export class ConfigError extends OpsWorkerError {
  override name = 'ConfigError';
}

/** A request the agent will never carry out: a write, exec, secrets, a forbidden flag. */
export class ForbiddenOperationError extends OpsWorkerError {
  override name = 'ForbiddenOperationError';
}

/** Something OpsWorker depends on (the cluster's agent, a model) cannot serve the request now. */
export class UnavailableError extends OpsWorkerError {
  override name = 'UnavailableError';
}
