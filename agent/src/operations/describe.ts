import type { AgentOperation } from '@opsworker/shared';
import type { DescribeRelated } from '../describe/describe-context.ts';
import { describerFor } from '../describe/describers.ts';
import { KubeNotFoundError } from '../errors.ts';
import type { KubeObject, Pod, Workload } from '../kube/kube-types.ts';
import { labelSelectorString } from '../kube/label-selector.ts';
import { cleanObject } from './clean-object.ts';
import { loadEvents } from './load-events.ts';
import { namespaceFor } from './namespace-rule.ts';
import type { OperationContext, OperationHandler } from './operation-context.ts';

const DESCRIBE_EVENTS = 50;

/** The related objects a kind's describe shows, read alongside its events. */
async function loadRelated(
  kind: string,
  object: KubeObject,
  context: OperationContext,
): Promise<Omit<DescribeRelated, 'events'>> {
  const { reader, signal } = context;
  const namespace = object.metadata?.namespace;
  const name = object.metadata?.name ?? '';
  if (kind === 'deployments') {
    const selector = labelSelectorString((object as Workload).spec?.selector) || undefined;
    const list = await reader.list('replicasets', { namespace, labelSelector: selector, signal });
    return { replicaSets: list.items as Workload[] };
  }
  if (kind === 'nodes') {
    const list = await reader.list('pods', { fieldSelector: `spec.nodeName=${name}`, signal });
    return { pods: list.items as Pod[] };
  }
  if (kind === 'services') {
    try {
      return { endpoints: await reader.get('endpoints', name, namespace, { signal }) };
    } catch (error) {
      // A service without endpoints (no selector) is normal.
      if (error instanceof KubeNotFoundError) return {};
      throw error;
    }
  }
  return {};
}

/** Human-readable text like `kubectl describe`, built from the object, its events and related objects. */
export const runDescribe: OperationHandler<Extract<AgentOperation, { op: 'describe' }>> = async (
  operation,
  context,
) => {
  const namespace = namespaceFor(operation.kind, operation.namespace);
  const object = cleanObject(
    await context.reader.get(operation.kind, operation.name, namespace, { signal: context.signal }),
    context.configMaps,
  );
  const [{ events }, related] = await Promise.all([
    loadEvents(context, {
      namespace,
      involvedObject: { kind: operation.kind, name: operation.name },
      limit: DESCRIBE_EVENTS,
    }),
    loadRelated(operation.kind, object, context),
  ]);
  return { result: describerFor(operation.kind)(object, { events, ...related }, context.now()) };
};
