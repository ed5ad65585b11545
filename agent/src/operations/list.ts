import type { AgentOperation } from '@opsworker/shared';
import type { KubeObject } from '../kube/kube-types.ts';
import { cleanObject } from './clean-object.ts';
import type { OperationHandler } from './operation-context.ts';

/** The result of a list: `continue` is set when the API server holds more items. */
export type ListResult = { items: KubeObject[]; continue?: string };

/**
 * Objects of one kind in a namespace or everywhere, filtered by label and field selectors.
 * Read from the API server in pages, each cleaned before the next is fetched: a large list
 * never sits in memory as raw JSON all at once, which is what bounds the agent's footprint.
 */
export const runList: OperationHandler<Extract<AgentOperation, { op: 'list' }>> = async (
  operation,
  context,
) => {
  const limit = operation.limit ?? context.limits.defaultListLimit;
  const items: KubeObject[] = [];
  let next = operation.continue;
  do {
    const page = await context.reader.list(operation.kind, {
      namespace: operation.namespace,
      labelSelector: operation.labelSelector,
      fieldSelector: operation.fieldSelector,
      limit: Math.min(context.limits.listPageSize, limit - items.length),
      continue: next,
      signal: context.signal,
    });
    for (const item of page.items) items.push(cleanObject(item, context.configMaps));
    next = page.continue;
  } while (next && items.length < limit);
  const result: ListResult = { items };
  if (next) result.continue = next;
  // Cut by our default rather than by the caller's own limit: tell them.
  return { result, truncated: Boolean(next) && operation.limit === undefined };
};
