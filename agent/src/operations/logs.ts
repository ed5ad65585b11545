import type { AgentOperation } from '@opsworker/shared';
import { cutText } from '../executor/output-cap.ts';
import type { Pod } from '../kube/kube-types.ts';
import type { OperationHandler } from './operation-context.ts';

/** The API server never sends more than this, whatever the window: it bounds the agent's memory. */
const SERVER_LIMIT_BYTES = 4 * 1024 * 1024;

/** The container kubectl would pick: the default-container annotation, else the first one. */
function defaultContainer(pod: Pod): string | undefined {
  return (
    pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec?.containers?.[0]?.name
  );
}

/**
 * A pod's log as text, newest lines kept: tail lines default to the agent's limit when no window
 * is given, and the text is cut from the top to the byte cap.
 */
export const runLogs: OperationHandler<Extract<AgentOperation, { op: 'logs' }>> = async (
  operation,
  context,
) => {
  const { reader, signal, limits } = context;
  const container =
    operation.container ??
    defaultContainer((await reader.get('pods', operation.pod, operation.namespace, { signal })) as Pod);
  const maxBytes = Math.min(operation.limitBytes ?? limits.defaultLogBytes, limits.maxResultBytes);
  const text = await reader.podLogs({
    namespace: operation.namespace,
    pod: operation.pod,
    container,
    previous: operation.previous,
    tailLines: operation.tailLines ?? (operation.sinceSeconds ? undefined : limits.defaultTailLines),
    sinceSeconds: operation.sinceSeconds,
    limitBytes: SERVER_LIMIT_BYTES,
    signal,
  });
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxBytes) return { result: text, truncated: bytes >= SERVER_LIMIT_BYTES };
  return { result: cutText(text, maxBytes, 'tail'), truncated: true };
};
