/** The agent's bounds: they keep it light (memory) and polite (API server load). */
export type AgentLimits = {
  /** Operations running at once; more wait in the queue. */
  maxConcurrent: number;
  /** Operations waiting for a slot; beyond this the agent answers `busy`. */
  maxQueued: number;
  /** Per-operation budget, queue wait included, when the request names none. */
  defaultTimeoutMs: number;
  /** Largest result sent back (JSON bytes); lists and logs are cut to fit, with `truncated: true`. */
  maxResultBytes: number;
  /** Log bytes returned when the request names no `limitBytes`. */
  defaultLogBytes: number;
  /** Log lines returned when the request names neither `tailLines` nor `sinceSeconds`. */
  defaultTailLines: number;
  /** Items per list when the request names no `limit`. */
  defaultListLimit: number;
  /** Items per request to the API server while reading a list (pages are cleaned as they arrive). */
  listPageSize: number;
  /** Events returned when the request names no `limit`. */
  defaultEventLimit: number;
  /** Recent responses kept for idempotent replays, by count... */
  idempotencyEntries: number;
  /** ...and by total size. */
  idempotencyBytes: number;
};

export const DEFAULT_AGENT_LIMITS: Readonly<AgentLimits> = Object.freeze({
  // Four at a time keeps 20 concurrent callers within the memory budget: the rest queue.
  maxConcurrent: 2,
  maxQueued: 64,
  defaultTimeoutMs: 20_000,
  maxResultBytes: 1024 * 1024,
  defaultLogBytes: 256 * 1024,
  defaultTailLines: 500,
  defaultListLimit: 500,
  listPageSize: 100,
  defaultEventLimit: 100,
  idempotencyEntries: 500,
  idempotencyBytes: 512 * 1024,
});
