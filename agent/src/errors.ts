import {
  type AgentErrorCode,
  ForbiddenOperationError,
  NotFoundError,
  OpsWorkerError,
  ValidationError,
} from '@opsworker/shared';

/** The API server (or the metrics API) answered 404 for an object or a resource. */
export class KubeNotFoundError extends NotFoundError {
  override name = 'KubeNotFoundError';
}

/** The cluster's RBAC denied the agent (401/403): the agent's credentials lack a permission. */
export class KubeForbiddenError extends OpsWorkerError {
  override name = 'KubeForbiddenError';
}

/** The API server, or an aggregated API such as metrics.k8s.io, cannot answer right now. */
export class KubeUnavailableError extends OpsWorkerError {
  override name = 'KubeUnavailableError';
}

/** The API server rejected the request itself (400, 410, 422): a bad selector, an expired continue token. */
export class KubeBadRequestError extends OpsWorkerError {
  override name = 'KubeBadRequestError';
}

/** The operation did not finish within its time budget. */
export class OperationTimeoutError extends OpsWorkerError {
  override name = 'OperationTimeoutError';
}

/** Every execution slot and every queue place is taken: the caller should retry later. */
export class AgentBusyError extends OpsWorkerError {
  override name = 'AgentBusyError';
}

/** A result that cannot be cut down to the output cap (a single object bigger than the cap). */
export class OutputTooLargeError extends OpsWorkerError {
  override name = 'OutputTooLargeError';
}

/**
 * Maps any error to the protocol's error code. Unknown errors are `internal`: their text is
 * never sent back, only logged.
 */
export function agentErrorCode(error: unknown): AgentErrorCode {
  if (error instanceof ValidationError || error instanceof KubeBadRequestError) return 'invalid_request';
  if (error instanceof ForbiddenOperationError || error instanceof KubeForbiddenError) return 'forbidden';
  if (error instanceof NotFoundError) return 'not_found';
  if (error instanceof OperationTimeoutError) return 'timeout';
  if (error instanceof OutputTooLargeError) return 'too_large';
  if (error instanceof AgentBusyError) return 'busy';
  if (error instanceof KubeUnavailableError) return 'unavailable';
  return 'internal';
}

/** The text a caller may see for an error: the typed error's userMessage, never an internal message. */
export function agentErrorMessage(error: unknown): string {
  if (error instanceof OpsWorkerError && agentErrorCode(error) !== 'internal') return error.userMessage;
  return 'the agent failed unexpectedly; the details are in its log';
}

/** What a user sees when metrics.k8s.io is not served: the usual cause is a missing metrics-server. */
export const METRICS_UNAVAILABLE =
  'the metrics API (metrics.k8s.io) is not available in this cluster: is metrics-server installed?';
