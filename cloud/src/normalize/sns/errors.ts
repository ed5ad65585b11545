import { OpsWorkerError } from '@opsworker/shared';

/**
 * An SNS message whose authenticity could not be established: bad or missing signature, an
 * untrusted or unreachable signing certificate. The HTTP route answers 401.
 */
export class SnsSignatureError extends OpsWorkerError {
  override name = 'SnsSignatureError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause, userMessage: 'The SNS message signature could not be verified.' });
  }
}

/** A subscription that could not be confirmed: an untrusted SubscribeURL or AWS refusing the GET. */
export class SnsConfirmationError extends OpsWorkerError {
  override name = 'SnsConfirmationError';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause, userMessage: 'The SNS subscription could not be confirmed.' });
  }
}
