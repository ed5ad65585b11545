import type { AgentOperation } from '@opsworker/shared';
import type { AgentLimits } from '../executor/limits.ts';
import type { KubeReader } from '../kube/kube-reader.ts';
import type { ConfigMapPolicy } from './configmap-policy.ts';

/** What every operation is handed: the reader, its deadline, the limits and the policies. */
export type OperationContext = {
  reader: KubeReader;
  /** Aborts when the operation's time is up: pass it to every read. */
  signal: AbortSignal;
  limits: AgentLimits;
  configMaps: ConfigMapPolicy;
  /** Epoch milliseconds, for ages in describe output. */
  now: () => number;
};

/** A result before redaction and output caps; `truncated` when the operation itself cut it short. */
export type OperationOutput = { result: unknown; truncated?: boolean };

export type OperationHandler<O extends AgentOperation> = (
  operation: O,
  context: OperationContext,
) => Promise<OperationOutput>;
