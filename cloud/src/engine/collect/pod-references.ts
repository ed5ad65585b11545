import type { Container, Pod } from '@opsworker/agent/kube/kube-types.ts';

type VolumeSources = {
  configMap?: { name?: string };
  persistentVolumeClaim?: { claimName?: string };
  projected?: { sources?: Array<{ configMap?: { name?: string } }> };
  ephemeral?: unknown;
};

function containersOf(pod: Pod): Container[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
}

/** ConfigMaps a pod needs to start: env references, envFrom, volumes (projected ones too). */
export function configMapsOf(pod: Pod): string[] {
  const names = new Set<string>();
  for (const container of containersOf(pod)) {
    for (const env of container.env ?? []) {
      const name = env.valueFrom?.configMapKeyRef?.name;
      if (name) names.add(name);
    }
    for (const from of container.envFrom ?? [])
      if (from.configMapRef?.name) names.add(from.configMapRef.name);
  }
  for (const volume of (pod.spec?.volumes ?? []) as VolumeSources[]) {
    if (volume.configMap?.name) names.add(volume.configMap.name);
    for (const source of volume.projected?.sources ?? [])
      if (source.configMap?.name) names.add(source.configMap.name);
  }
  return [...names];
}

/** PersistentVolumeClaims a pod mounts; generic ephemeral volumes are claims named `<pod>-<volume>`. */
export function claimsOf(pod: Pod): string[] {
  const names = new Set<string>();
  for (const volume of (pod.spec?.volumes ?? []) as Array<VolumeSources & { name: string }>) {
    if (volume.persistentVolumeClaim?.claimName) names.add(volume.persistentVolumeClaim.claimName);
    if (volume.ephemeral) names.add(`${pod.metadata?.name}-${volume.name}`);
  }
  return [...names];
}

/** Literal environment values: where a pod's configuration names the hosts it talks to. */
export function envValuesOf(pod: Pod): string[] {
  return containersOf(pod).flatMap((c) => (c.env ?? []).flatMap((env) => (env.value ? [env.value] : [])));
}
