import { Fn } from 'aws-cdk-lib';

export interface HelmInstallValues {
  clusterName: string;
  namespace: string;
  requestQueueUrl: string;
  responseQueueUrl: string;
  heartbeatQueueUrl: string;
  region: string;
  roleArn: string;
}

/**
 * The exact `helm install` an operator runs in the cluster, with the deployed queue URLs and
 * role filled in (the value names are agent/chart/values.yaml's). Tokens resolve at deploy time,
 * so the stack output prints the real command.
 */
export function helmInstallCommand(values: HelmInstallValues): string {
  return Fn.join(' ', [
    'helm install opsworker-agent ./agent/chart',
    `-n ${values.namespace} --create-namespace`,
    `--set clusterName=${values.clusterName}`,
    Fn.join('', ['--set queues.requestUrl=', values.requestQueueUrl]),
    Fn.join('', ['--set queues.responseUrl=', values.responseQueueUrl]),
    Fn.join('', ['--set queues.heartbeatUrl=', values.heartbeatQueueUrl]),
    Fn.join('', ['--set aws.region=', values.region]),
    Fn.join('', ['--set serviceAccount.roleArn=', values.roleArn]),
  ]);
}
