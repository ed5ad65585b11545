import type { ScenarioManifest } from '../scenario-manifest.ts';

/** The cluster label every alert of the corpus carries. */
export const CLUSTER = 'prod-eu-west-1';

type Alert = ScenarioManifest['alert'];
type Severity = 'info' | 'warning' | 'critical';

const KSM = {
  job: 'kube-state-metrics',
  service: 'kube-prometheus-stack-kube-state-metrics',
  endpoint: 'http',
  instance: '10.0.2.87:8080',
  prometheus: 'monitoring/kube-prometheus-stack-prometheus',
  cluster: CLUSTER,
};

function alert(
  alertname: string,
  severity: Severity,
  labels: Record<string, string>,
  description: string,
  summary: string,
  runbook: string,
): Alert {
  return {
    labels: { alertname, severity, ...KSM, ...labels },
    annotations: {
      description: `${description} on cluster ${CLUSTER}.`,
      runbook_url: `https://runbooks.prometheus-operator.dev/runbooks/${runbook}/${alertname.toLowerCase()}`,
      summary,
    },
  };
}

/** kube-prometheus `KubePodCrashLooping`. */
export function kubePodCrashLooping(namespace: string, pod: string, container: string): Alert {
  return alert(
    'KubePodCrashLooping',
    'warning',
    { namespace, pod, container, reason: 'CrashLoopBackOff' },
    `Pod ${namespace}/${pod} (${container}) is in waiting state (reason: "CrashLoopBackOff")`,
    'Pod is crash looping.',
    'kubernetes',
  );
}

/** kube-prometheus `KubePodNotReady`. */
export function kubePodNotReady(namespace: string, pod: string): Alert {
  return alert(
    'KubePodNotReady',
    'warning',
    { namespace, pod },
    `Pod ${namespace}/${pod} has been in a non-ready state for longer than 15 minutes`,
    'Pod has been in a non-ready state for more than 15 minutes.',
    'kubernetes',
  );
}

/** kube-prometheus `KubeContainerWaiting`. */
export function kubeContainerWaiting(
  namespace: string,
  pod: string,
  container: string,
  reason: string,
): Alert {
  return alert(
    'KubeContainerWaiting',
    'warning',
    { namespace, pod, container, reason },
    `pod/${pod} in namespace ${namespace} on container ${container} has been in waiting state for longer than 1 hour. (reason: "${reason}")`,
    'Pod container waiting longer than 1 hour',
    'kubernetes',
  );
}

/** kube-prometheus `KubeDeploymentReplicasMismatch`. */
export function kubeDeploymentReplicasMismatch(namespace: string, deployment: string): Alert {
  return alert(
    'KubeDeploymentReplicasMismatch',
    'warning',
    { namespace, deployment },
    `Deployment ${namespace}/${deployment} has not matched the expected number of replicas for longer than 15 minutes`,
    'Deployment has not matched the expected number of replicas.',
    'kubernetes',
  );
}

/** kube-prometheus `KubeDeploymentRolloutStuck`. */
export function kubeDeploymentRolloutStuck(namespace: string, deployment: string): Alert {
  return alert(
    'KubeDeploymentRolloutStuck',
    'warning',
    { namespace, deployment },
    `Rollout of deployment ${namespace}/${deployment} is not progressing for longer than 15 minutes`,
    'Deployment rollout is not progressing.',
    'kubernetes',
  );
}

/** kube-prometheus `KubeStatefulSetReplicasMismatch`. */
export function kubeStatefulSetReplicasMismatch(namespace: string, statefulset: string): Alert {
  return alert(
    'KubeStatefulSetReplicasMismatch',
    'warning',
    { namespace, statefulset },
    `StatefulSet ${namespace}/${statefulset} has not matched the expected number of replicas for longer than 15 minutes`,
    'StatefulSet has not matched the expected number of replicas.',
    'kubernetes',
  );
}

/** kube-prometheus `KubeJobFailed`. */
export function kubeJobFailed(namespace: string, jobName: string): Alert {
  return alert(
    'KubeJobFailed',
    'warning',
    { namespace, job_name: jobName },
    `Job ${namespace}/${jobName} failed to complete. Removing failed job after investigation should clear this alert`,
    'Job failed to complete.',
    'kubernetes',
  );
}

/** kube-prometheus `KubeJobNotCompleted`. */
export function kubeJobNotCompleted(namespace: string, jobName: string): Alert {
  return alert(
    'KubeJobNotCompleted',
    'warning',
    { namespace, job_name: jobName },
    `Job ${namespace}/${jobName} is taking more than 12h 0m 0s to complete`,
    'Job did not complete in time',
    'kubernetes',
  );
}

/** kube-prometheus `KubeHpaMaxedOut`. */
export function kubeHpaMaxedOut(namespace: string, hpa: string): Alert {
  return alert(
    'KubeHpaMaxedOut',
    'warning',
    { namespace, horizontalpodautoscaler: hpa },
    `HPA ${namespace}/${hpa} has been running at max replicas for longer than 15 minutes`,
    'HPA is running at max replicas',
    'kubernetes',
  );
}

/** kube-prometheus `KubeHpaReplicasMismatch`. */
export function kubeHpaReplicasMismatch(namespace: string, hpa: string): Alert {
  return alert(
    'KubeHpaReplicasMismatch',
    'warning',
    { namespace, horizontalpodautoscaler: hpa },
    `HPA ${namespace}/${hpa} has not matched the desired number of replicas for longer than 15 minutes`,
    'HPA has not matched desired number of replicas.',
    'kubernetes',
  );
}

/** kube-prometheus `KubeNodeNotReady`. */
export function kubeNodeNotReady(node: string): Alert {
  return alert(
    'KubeNodeNotReady',
    'warning',
    { node },
    `${node} has been unready for more than 15 minutes`,
    'Node is not ready.',
    'kubernetes',
  );
}

/** kubernetes-mixin `KubeNodePressure`. */
export function kubeNodePressure(node: string, condition: string): Alert {
  const a = alert(
    'KubeNodePressure',
    'info',
    { node, condition, status: 'true' },
    '',
    'Node has as active Condition.',
    'kubernetes',
  );
  a.annotations.description = `${node} on cluster ${CLUSTER} has active Condition ${condition}. This is caused by resource usage exceeding eviction thresholds.`;
  return a;
}

/** kube-prometheus `Watchdog`: always firing, never a problem. */
export function watchdog(): Alert {
  return {
    labels: { alertname: 'Watchdog', severity: 'none', prometheus: KSM.prometheus, cluster: CLUSTER },
    annotations: {
      description:
        'This is an alert meant to ensure that the entire alerting pipeline is functional.\nThis alert is always firing, therefore it should always be firing in Alertmanager\nand always fire against a receiver. There are integrations with various notification\nmechanisms that send a notification when this alert is not firing.',
      runbook_url: 'https://runbooks.prometheus-operator.dev/runbooks/general/watchdog',
      summary: 'An alert that should always be firing to certify that Alertmanager is working properly.',
    },
  };
}

/** blackbox-exporter `BlackboxProbeFailed` (awesome-prometheus-alerts), for an HTTP probe of a public URL. */
export function blackboxProbeFailed(namespace: string, service: string, url: string): Alert {
  return {
    labels: {
      alertname: 'BlackboxProbeFailed',
      severity: 'critical',
      namespace,
      service,
      instance: url,
      job: 'blackbox-http',
      prometheus: KSM.prometheus,
      cluster: CLUSTER,
    },
    annotations: {
      description: `Probe failed\n  VALUE = 0\n  LABELS = map[instance:${url} job:blackbox-http]`,
      summary: `Blackbox probe failed (instance ${url})`,
    },
  };
}
