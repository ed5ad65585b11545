import { OpsWorkerError } from '@opsworker/shared';

/** An error with the HTTP status and machine-readable code the client gets. */
export class HttpError extends OpsWorkerError {
  override name = 'HttpError';
  readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 502 | 503;
  readonly code: string;
  readonly field: string | undefined;

  constructor(
    status: HttpError['status'],
    code: string,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = status;
    this.code = code;
    this.field = options.field;
  }
}
