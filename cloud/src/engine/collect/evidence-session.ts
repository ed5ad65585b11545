import { randomBytes } from 'node:crypto';
import { createConcurrencyGate } from '@opsworker/agent/executor/concurrency-gate.ts';
import {
  AGENT_PROTOCOL_VERSION,
  type AgentErrorCode,
  type AgentOperation,
  type AgentResponse,
  type AgentTransport,
} from '@opsworker/shared';
import { makeId } from '../../ids/make-id.ts';
import type { BlobStore } from '../../store/store.ts';
import type { EvidenceRecord } from '../evidence/evidence-bundle.ts';
import { budgetStopReason, type CollectionBudget, DEFAULT_COLLECTION_BUDGET } from './collection-budget.ts';
import { operationTitle } from './operation-title.ts';

/** What one operation gave: its result, or why there is none; either way the evidence record. */
export type OperationOutcome<T = unknown> =
  | { ok: true; result: T; record: EvidenceRecord }
  | { ok: false; code: AgentErrorCode | 'skipped'; message: string; record: EvidenceRecord };

export interface EvidenceSessionDeps {
  transport: AgentTransport;
  blobs: BlobStore;
  orgId: string;
  investigationId: string;
  /** Who asked, for the agent's audit log (a manual investigation's requester). */
  user?: string;
  budget?: Partial<CollectionBudget>;
}

/** How the collection went, for the timeline and the benchmarks. */
export interface CollectionStats {
  operations: number;
  failed: number;
  skipped: number;
  bytes: number;
  durationMs: number;
}

const MAX_OPERATION_MS = 10_000;
const BUSY_RETRIES = 3;
/** Codes that mean the cluster itself never answered. */
const NO_ANSWER: ReadonlySet<AgentErrorCode> = new Set(['unavailable', 'timeout']);

/**
 * Runs one investigation's operations through the agent within its budget: at most
 * `concurrency` at once, a busy agent retried with back-off, every result kept as an evidence
 * record with the raw result in the blob store (`evidence/<investigation>/<evidence>.json`).
 * Failures are recorded, never thrown: a forbidden or missing object is evidence too.
 */
export class EvidenceSession {
  readonly records: EvidenceRecord[] = [];
  readonly budget: CollectionBudget;
  readonly #deps: EvidenceSessionDeps;
  readonly #gate;
  readonly #deadline = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly #started = performance.now();
  readonly #run = randomBytes(4).toString('hex');
  readonly #writes: Promise<void>[] = [];
  #writeError: unknown;
  #operations = 0;
  #bytes = 0;
  #failed = 0;
  #skipped = 0;
  #answered = false;
  #lastFailure: string | undefined;

  constructor(deps: EvidenceSessionDeps) {
    this.#deps = deps;
    this.budget = { ...DEFAULT_COLLECTION_BUDGET, ...deps.budget };
    this.#gate = createConcurrencyGate(this.budget.concurrency, Number.MAX_SAFE_INTEGER);
    this.#timer = setTimeout(() => this.#deadline.abort(), this.budget.deadlineMs);
    this.#timer.unref();
  }

  /** Runs one operation (or records why it was not run) and returns its outcome. */
  async run<T = unknown>(
    operation: AgentOperation,
    title = operationTitle(operation),
  ): Promise<OperationOutcome<T>> {
    const release = await this.#gate.acquire();
    try {
      const stop = this.#stopReason();
      if (stop) {
        this.#skipped++;
        const message = budgetStopReason(stop, this.budget);
        return {
          ok: false,
          code: 'skipped',
          message,
          record: this.#record(operation, title, { error: message }),
        };
      }
      this.#operations++;
      const response = await this.#call(operation, this.#operations);
      if (!response.ok) {
        this.#failed++;
        if (!NO_ANSWER.has(response.error.code)) this.#answered = true;
        this.#lastFailure = response.error.message;
        const record = this.#record(operation, title, { error: response.error.message });
        this.#store(record, undefined);
        return { ok: false, code: response.error.code, message: response.error.message, record };
      }
      this.#answered = true;
      this.#bytes += response.bytes;
      const record = this.#record(operation, title, { truncated: response.truncated, bytes: response.bytes });
      this.#store(record, response.result);
      return { ok: true, result: response.result as T, record };
    } finally {
      release();
    }
  }

  /** True once the API server answered anything, even "not found". */
  get clusterAnswered(): boolean {
    return this.#answered;
  }

  /** The agent's words for the last failure, when there was one. */
  get lastFailure(): string | undefined {
    return this.#lastFailure;
  }

  stats(): CollectionStats {
    return {
      operations: this.#operations,
      failed: this.#failed,
      skipped: this.#skipped,
      bytes: this.#bytes,
      durationMs: Math.round(performance.now() - this.#started),
    };
  }

  /** Waits for every raw result to be stored (throws if one could not be), and stops the deadline clock. */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    await Promise.all(this.#writes);
    if (this.#writeError !== undefined) throw this.#writeError;
  }

  #stopReason(): 'operations' | 'bytes' | 'deadline' | undefined {
    if (this.#deadline.signal.aborted) return 'deadline';
    if (this.#operations >= this.budget.maxOperations) return 'operations';
    if (this.#bytes >= this.budget.maxBytes) return 'bytes';
    return undefined;
  }

  async #call(operation: AgentOperation, sequence: number): Promise<AgentResponse> {
    const signal = this.#deadline.signal;
    const request = {
      version: AGENT_PROTOCOL_VERSION,
      id: `${this.#deps.investigationId}.${this.#run}.${sequence}`,
      operation,
      requestedBy: {
        orgId: this.#deps.orgId,
        investigationId: this.#deps.investigationId,
        ...(this.#deps.user ? { user: this.#deps.user } : {}),
      },
    } as const;
    for (let attempt = 0; ; attempt++) {
      const remaining = this.budget.deadlineMs - (performance.now() - this.#started);
      const timeoutMs = Math.round(Math.max(100, Math.min(MAX_OPERATION_MS, remaining)));
      let response: AgentResponse;
      try {
        response = await this.#deps.transport.call({ ...request, timeoutMs }, { signal });
      } catch (error) {
        // The port promises not to throw; a transport that does is treated as a lost line.
        const message = error instanceof Error ? error.message : String(error);
        response = failure(request.id, 'unavailable', `the agent could not be reached: ${message}`);
      }
      if (response.ok || response.error.code !== 'busy' || attempt >= BUSY_RETRIES || signal.aborted)
        return response;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }

  #record(
    operation: AgentOperation,
    title: string,
    outcome: { error?: string; truncated?: boolean; bytes?: number },
  ): EvidenceRecord {
    const record: EvidenceRecord = {
      id: makeId('ev', new Date()),
      title,
      operation,
      ok: outcome.error === undefined,
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
      truncated: outcome.truncated ?? false,
      bytes: outcome.bytes ?? 0,
    };
    this.records.push(record);
    return record;
  }

  #store(record: EvidenceRecord, result: unknown): void {
    const key = `evidence/${this.#deps.investigationId}/${record.id}.json`;
    const body = JSON.stringify(result === undefined ? record : { ...record, result });
    // Caught at once (an unobserved rejection would take the process down), reported by close().
    this.#writes.push(
      this.#deps.blobs.put(this.#deps.orgId, key, body).catch((error: unknown) => {
        this.#writeError ??= error;
      }),
    );
  }
}

function failure(requestId: string, code: AgentErrorCode, message: string): AgentResponse {
  return { version: AGENT_PROTOCOL_VERSION, requestId, ok: false, error: { code, message }, durationMs: 0 };
}
