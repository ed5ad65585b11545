import { OpsWorkerError } from '@opsworker/shared';

/** Nothing the collection asked was answered by the cluster: it is down, or OpsWorker points elsewhere. */
export class ClusterUnreachableError extends OpsWorkerError {
  override name = 'ClusterUnreachableError';

  constructor(detail: string | undefined, hint: string) {
    const why = detail ? ` (${detail})` : '';
    super(`the Kubernetes API server did not answer${why}`, {
      userMessage: `OpsWorker could not reach the cluster's Kubernetes API server${why}. ${hint}`,
    });
  }
}
