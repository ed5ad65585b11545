import { OpsWorkerError } from '@opsworker/shared';

/** The `reason` values of a Kubernetes `Status` the fake answers with. */
export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'Gone'
  | 'InternalError';

/** A `meta/v1 Status` body, as the real API server sends with every error. */
export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: { name?: string; group?: string; kind?: string };
  code: number;
}

/**
 * An error the fake API server answers with a Status body. Thrown by request handlers; the
 * router turns it into the HTTP response.
 */
export class KubeApiError extends OpsWorkerError {
  override name = 'KubeApiError';
  readonly code: number;
  readonly reason: StatusReason;
  readonly details: StatusBody['details'];

  constructor(code: number, reason: StatusReason, message: string, details?: StatusBody['details']) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  toStatus(): StatusBody {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** 400 with the API server's wording. */
export function badRequest(message: string): KubeApiError {
  return new KubeApiError(400, 'BadRequest', message);
}
