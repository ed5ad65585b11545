import type { AgentOperation } from '@opsworker/shared';
import { cleanObject } from './clean-object.ts';
import { namespaceFor } from './namespace-rule.ts';
import type { OperationHandler } from './operation-context.ts';

/** One object, as the API server has it, minus managedFields (and withheld ConfigMap values). */
export const runGet: OperationHandler<Extract<AgentOperation, { op: 'get' }>> = async (
  operation,
  context,
) => {
  const namespace = namespaceFor(operation.kind, operation.namespace);
  const object = await context.reader.get(operation.kind, operation.name, namespace, {
    signal: context.signal,
  });
  return { result: cleanObject(object, context.configMaps) };
};
