import { stringify } from 'yaml';

/** What a kubeconfig for the fake cluster names. */
export interface KubeconfigInput {
  clusterName: string;
  server: string;
  caPem: string;
  token: string;
  namespace?: string;
}

/**
 * A kubeconfig with one cluster (CA embedded), one token user and one current context,
 * readable by kubectl and by `KubeConfig.loadFromFile` alike.
 */
export function buildKubeconfig(input: KubeconfigInput): string {
  const user = `${input.clusterName}-reader`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: input.clusterName,
        cluster: {
          server: input.server,
          'certificate-authority-data': Buffer.from(input.caPem).toString('base64'),
        },
      },
    ],
    users: [{ name: user, user: { token: input.token } }],
    contexts: [
      {
        name: input.clusterName,
        context: {
          cluster: input.clusterName,
          user,
          ...(input.namespace ? { namespace: input.namespace } : {}),
        },
      },
    ],
    'current-context': input.clusterName,
    preferences: {},
  });
}
