import type { AgentOperation } from '@opsworker/shared';
import { loadEvents } from './load-events.ts';
import type { OperationHandler } from './operation-context.ts';

/** Events for one object or a namespace (or everywhere), newest last, in the compact shape. */
export const runEvents: OperationHandler<Extract<AgentOperation, { op: 'events' }>> = async (
  operation,
  context,
) => {
  const { events, truncated } = await loadEvents(context, {
    namespace: operation.namespace,
    involvedObject: operation.involvedObject,
    limit: operation.limit ?? context.limits.defaultEventLimit,
  });
  return { result: events, truncated };
};
