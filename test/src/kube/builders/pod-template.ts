/** A container as a workload's template declares it. */
export interface ContainerSpec {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: { containerPort: number; name?: string; protocol?: string }[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom?: unknown[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  startupProbe?: unknown;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  securityContext?: unknown;
  imagePullPolicy?: string;
  restartPolicy?: string;
}

/** The pod template of a workload (or a bare pod's spec), before API defaults. */
export interface PodTemplate {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  containers: ContainerSpec[];
  initContainers?: ContainerSpec[];
  volumes?: unknown[];
  nodeSelector?: Record<string, string>;
  affinity?: unknown;
  tolerations?: unknown[];
  serviceAccountName?: string;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  imagePullSecrets?: { name: string }[];
  securityContext?: unknown;
  priorityClassName?: string;
  activeDeadlineSeconds?: number;
}

/** A container with the fields the API server defaults. */
export function containerWithDefaults(
  container: ContainerSpec,
  extraMounts: ContainerSpec['volumeMounts'] = [],
): object {
  const { name, image, ...rest } = container;
  const tagged = /:[^/]+$/.test(image) && !image.endsWith(':latest');
  return {
    name,
    image,
    ...rest,
    ...(container.ports
      ? { ports: container.ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' })) }
      : {}),
    resources: container.resources ?? {},
    ...(container.volumeMounts?.length || extraMounts.length
      ? { volumeMounts: [...(container.volumeMounts ?? []), ...extraMounts] }
      : {}),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: container.imagePullPolicy ?? (tagged ? 'IfNotPresent' : 'Always'),
  };
}

/** The template's pod spec as a workload's `spec.template.spec` shows it (API defaults applied). */
export function templateSpec(template: PodTemplate): Record<string, unknown> {
  return {
    ...(template.volumes?.length ? { volumes: template.volumes } : {}),
    ...(template.initContainers?.length
      ? { initContainers: template.initContainers.map((c) => containerWithDefaults(c)) }
      : {}),
    containers: template.containers.map((c) => containerWithDefaults(c)),
    restartPolicy: template.restartPolicy ?? 'Always',
    terminationGracePeriodSeconds: 30,
    ...(template.activeDeadlineSeconds ? { activeDeadlineSeconds: template.activeDeadlineSeconds } : {}),
    dnsPolicy: 'ClusterFirst',
    ...(template.nodeSelector ? { nodeSelector: template.nodeSelector } : {}),
    ...(template.serviceAccountName
      ? { serviceAccountName: template.serviceAccountName, serviceAccount: template.serviceAccountName }
      : {}),
    securityContext: template.securityContext ?? {},
    ...(template.imagePullSecrets ? { imagePullSecrets: template.imagePullSecrets } : {}),
    ...(template.affinity ? { affinity: template.affinity } : {}),
    schedulerName: 'default-scheduler',
    ...(template.tolerations ? { tolerations: template.tolerations } : {}),
    ...(template.priorityClassName ? { priorityClassName: template.priorityClassName } : {}),
  };
}

/** `spec.template` of a workload. */
export function podTemplateObject(template: PodTemplate, extraLabels: Record<string, string> = {}): object {
  return {
    metadata: {
      labels: { ...template.labels, ...extraLabels },
      ...(template.annotations ? { annotations: template.annotations } : {}),
    },
    spec: templateSpec(template),
  };
}
