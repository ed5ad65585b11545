import {
  AGENT_PROTOCOL_VERSION,
  type AgentErrorCode,
  AgentRequest,
  type AgentResponse,
} from '@opsworker/shared';
import type { AuditSink } from '../audit/audit-sink.ts';
import { agentErrorCode, agentErrorMessage, OperationTimeoutError } from '../errors.ts';
import type { KubeReader } from '../kube/kube-reader.ts';
import { type ConfigMapValuesOptions, createConfigMapPolicy } from '../operations/configmap-policy.ts';
import { runOperation } from '../operations/operations.ts';
import { redactText } from '../redaction/redact-text.ts';
import { redactValue } from '../redaction/redact-value.ts';
import { auditEntryFor } from './audit-entry.ts';
import { createConcurrencyGate, type Release } from './concurrency-gate.ts';
import { type AgentLimits, DEFAULT_AGENT_LIMITS } from './limits.ts';
import { capOutput } from './output-cap.ts';
import { type CachedResponse, createResponseCache } from './response-cache.ts';

export type AgentExecutorDeps = {
  reader: KubeReader;
  audit: AuditSink;
  limits?: Partial<AgentLimits>;
  /** ConfigMaps whose values may be returned; by default none. */
  configMapValues?: ConfigMapValuesOptions;
  /** Epoch milliseconds; injected by tests. */
  clock?: () => number;
  /** Where unexpected failures (bugs) are reported; callers only ever see `internal`. */
  onInternalError?: (error: unknown, requestId: string) => void;
};

/** Runs agent requests: the one entry point every transport calls. Never throws. */
export type AgentExecutor = { execute(request: unknown): Promise<AgentResponse> };

/** Responses to these are not kept: a retry should run again. */
const TRANSIENT: ReadonlySet<AgentErrorCode> = new Set(['busy', 'timeout', 'unavailable', 'internal']);

type Outcome = { response: AgentResponse; resultJson?: string };
type InFlight = { fingerprint: string; outcome: Promise<Outcome> };

/** Rejects when the signal aborts, even if the work ignores the signal. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new OperationTimeoutError('the operation ran out of time'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function replay(entry: CachedResponse): AgentResponse {
  const response = JSON.parse(entry.meta) as AgentResponse & { result?: unknown };
  if (entry.result !== undefined) response.result = JSON.parse(entry.result);
  return response;
}

/**
 * Builds the executor: validation against the protocol, idempotency on the request id,
 * concurrency limit with a bounded queue, per-operation timeout, redaction, output caps and one
 * audit entry per request.
 */
export function createAgentExecutor(deps: AgentExecutorDeps): AgentExecutor {
  const limits: AgentLimits = { ...DEFAULT_AGENT_LIMITS, ...deps.limits };
  const now = deps.clock ?? Date.now;
  const gate = createConcurrencyGate(limits.maxConcurrent, limits.maxQueued);
  const cache = createResponseCache(limits.idempotencyEntries, limits.idempotencyBytes);
  const inFlight = new Map<string, InFlight>();
  const configMaps = createConfigMapPolicy(deps.configMapValues);
  const onInternalError =
    deps.onInternalError ??
    ((error, id) => console.error(`opsworker-agent: request ${id} failed unexpectedly`, error));

  const failure = (
    requestId: string,
    code: AgentErrorCode,
    message: string,
    started: number,
  ): AgentResponse => ({
    version: AGENT_PROTOCOL_VERSION,
    requestId,
    ok: false,
    error: { code, message: redactText(message) },
    durationMs: now() - started,
  });

  function audit(
    request: AgentRequest | undefined,
    requestId: string,
    response: AgentResponse,
    started: number,
    replayed = false,
  ) {
    try {
      deps.audit.write(auditEntryFor(request, requestId, response, started, now() - started, replayed));
    } catch (error) {
      onInternalError(error, requestId);
    }
  }

  async function run(request: AgentRequest, started: number): Promise<Outcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? limits.defaultTimeoutMs);
    let release: Release | undefined;
    try {
      release = await gate.acquire(controller.signal);
      const context = { reader: deps.reader, signal: controller.signal, limits, configMaps, now };
      const output = await untilAborted(runOperation(request.operation, context), controller.signal);
      const keep = request.operation.op === 'logs' || request.operation.op === 'events' ? 'tail' : 'head';
      const capped = capOutput(redactValue(output.result), limits.maxResultBytes, keep);
      const response: AgentResponse = {
        version: AGENT_PROTOCOL_VERSION,
        requestId: request.id,
        ok: true,
        result: capped.result,
        truncated: capped.truncated || Boolean(output.truncated),
        bytes: capped.bytes,
        durationMs: now() - started,
      };
      return { response, resultJson: capped.serialized };
    } catch (error) {
      const code = agentErrorCode(error);
      if (code === 'internal') onInternalError(error, request.id);
      return { response: failure(request.id, code, agentErrorMessage(error), started) };
    } finally {
      clearTimeout(timer);
      release?.();
    }
  }

  async function execute(input: unknown): Promise<AgentResponse> {
    const started = now();
    const parsed = AgentRequest.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? issue.path.join('.') : 'request';
      const id = (input as { id?: unknown } | null)?.id;
      const requestId = typeof id === 'string' ? id : '';
      const response = failure(
        requestId,
        'invalid_request',
        `${field}: ${issue?.message ?? 'is invalid'}`,
        started,
      );
      audit(undefined, requestId, response, started);
      return response;
    }
    const request = parsed.data;
    const fingerprint = JSON.stringify(request.operation);

    const cached = cache.get(request.id);
    const running = inFlight.get(request.id);
    const earlier = cached ?? running;
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        const message = `id: request id "${request.id}" was already used for a different operation`;
        const mismatch = failure(request.id, 'invalid_request', message, started);
        audit(request, request.id, mismatch, started);
        return mismatch;
      }
      // Replays get their own copy: no caller can change what another sees.
      const response = cached
        ? replay(cached)
        : structuredClone((await (earlier as InFlight).outcome).response);
      audit(request, request.id, response, started, true);
      return response;
    }

    const outcome = run(request, started);
    inFlight.set(request.id, { fingerprint, outcome });
    try {
      const { response, resultJson } = await outcome;
      audit(request, request.id, response, started);
      if (response.ok || !TRANSIENT.has(response.error.code)) {
        const meta = JSON.stringify(response.ok ? { ...response, result: undefined } : response);
        cache.set(request.id, {
          fingerprint,
          meta,
          ...(resultJson === undefined ? {} : { result: resultJson }),
        });
      }
      return response;
    } finally {
      inFlight.delete(request.id);
    }
  }

  return { execute };
}
