import { OpsWorkerError } from '@opsworker/shared';

/** A response that would need more SQS messages than the transport allows for one answer. */
export class ResponseTooLargeError extends OpsWorkerError {
  override name = 'ResponseTooLargeError';
  readonly parts: number;

  constructor(parts: number, maxParts: number) {
    super(`response needs ${parts} messages, more than the ${maxParts} allowed`, {
      userMessage: 'The cluster agent produced an answer too large to send back; narrow the request.',
    });
    this.parts = parts;
  }
}

/** Response parts that cannot be put back together: inconsistent counts, bad gzip, bad JSON. */
export class MalformedResponseError extends OpsWorkerError {
  override name = 'MalformedResponseError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause, userMessage: 'The cluster agent sent an unreadable answer.' });
  }
}
