/**
 * How much one investigation may ask of a cluster. The agent has its own limits per operation;
 * this bounds the whole collection, so a vague scope in a huge namespace costs the API server
 * no more than a careful human with kubectl would.
 */
export interface CollectionBudget {
  /** Operations sent to the agent, failed ones included. */
  maxOperations: number;
  /** Result bytes received (JSON or log text), summed over every operation. */
  maxBytes: number;
  /** Wall-clock time for the whole collection, in milliseconds. */
  deadlineMs: number;
  /** Operations in flight at once: the agent runs four at a time and queues the rest. */
  concurrency: number;
}

export const DEFAULT_COLLECTION_BUDGET: Readonly<CollectionBudget> = Object.freeze({
  maxOperations: 80,
  maxBytes: 8 * 1024 * 1024,
  deadlineMs: 20_000,
  concurrency: 6,
});

/** Why an operation was not run, in words a user reads in the evidence list. */
export function budgetStopReason(
  reason: 'operations' | 'bytes' | 'deadline',
  budget: CollectionBudget,
): string {
  if (reason === 'operations') return `not run: the budget of ${budget.maxOperations} operations was used up`;
  if (reason === 'bytes')
    return `not run: the budget of ${Math.round(budget.maxBytes / 1024 / 1024)} MiB of results was used up`;
  return `not run: the collection deadline of ${budget.deadlineMs / 1000} s had passed`;
}
