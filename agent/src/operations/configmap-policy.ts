import type { KubeObject } from '../kube/kube-types.ts';

/** Which ConfigMaps' values may leave the cluster: `namespace/name` patterns where `*` matches anything. */
export type ConfigMapValuesOptions = { allow: string[] };

export const WITHHELD =
  '[WITHHELD: configmap values are not shared unless allowed in the agent configuration]';

export type ConfigMapPolicy = {
  /** True when the ConfigMap's values may be returned (redacted). */
  allows(namespace: string | undefined, name: string | undefined): boolean;
  /** A copy of the ConfigMap with every value replaced by WITHHELD unless allowed; keys always stay. */
  apply<T extends KubeObject>(configMap: T): T;
};

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*');
  return new RegExp(`^${escaped}$`);
}

function withhold(values: unknown): unknown {
  if (values === null || typeof values !== 'object') return values;
  return Object.fromEntries(Object.keys(values).map((key) => [key, WITHHELD]));
}

/** Builds the policy; the default allows nothing. */
export function createConfigMapPolicy(options: ConfigMapValuesOptions = { allow: [] }): ConfigMapPolicy {
  const patterns = options.allow.map(patternToRegExp);
  const allows = (namespace: string | undefined, name: string | undefined) =>
    patterns.some((pattern) => pattern.test(`${namespace ?? ''}/${name ?? ''}`));

  return {
    allows,
    apply(configMap) {
      if (allows(configMap.metadata?.namespace, configMap.metadata?.name)) return configMap;
      const annotations = { ...configMap.metadata?.annotations };
      // The last-applied annotation repeats every value: it goes too.
      if ('kubectl.kubernetes.io/last-applied-configuration' in annotations) {
        annotations['kubectl.kubernetes.io/last-applied-configuration'] = WITHHELD;
      }
      return {
        ...configMap,
        metadata: { ...configMap.metadata, ...(configMap.metadata?.annotations ? { annotations } : {}) },
        ...('data' in configMap ? { data: withhold(configMap.data) } : {}),
        ...('binaryData' in configMap ? { binaryData: withhold(configMap.binaryData) } : {}),
      };
    },
  };
}
