import type { AgentOperation } from '@opsworker/shared';
import type { KubeObject } from '../kube/kube-types.ts';
import { cleanObject } from './clean-object.ts';
import type { OperationHandler } from './operation-context.ts';

/** The result of a list: `continue` is set when the API server holds more items. */
export type ListResult = { items: KubeObject[]; continue?: string };

/** Objects of one kind in a namespace or everywhere, filtered by label and field selectors. */
export const runList: OperationHandler<Extract<AgentOperation, { op: 'list' }>> = async (
  operation,
  context,
) => {
  const limit = operation.limit ?? context.limits.defaultListLimit;
  const list = await context.reader.list(operation.kind, {
    namespace: operation.namespace,
    labelSelector: operation.labelSelector,
    fieldSelector: operation.fieldSelector,
    limit,
    continue: operation.continue,
    signal: context.signal,
  });
  const result: ListResult = { items: list.items.map((item) => cleanObject(item, context.configMaps)) };
  if (list.continue) result.continue = list.continue;
  // Cut by our default rather than by the caller's own limit: tell them.
  return { result, truncated: Boolean(list.continue) && operation.limit === undefined };
};
