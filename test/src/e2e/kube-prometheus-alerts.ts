import type { AmtoolAlert } from '../support/real-alertmanager.ts';

/**
 * Alerts as kube-prometheus-stack's rules label them (see the fixtures in
 * cloud/src/normalize/fixtures/alertmanager): kube-state-metrics series carry the exporter's
 * job, service and endpoint next to the object the alert is about.
 */
const KUBE_STATE_METRICS = {
  endpoint: 'http',
  instance: '10.244.2.14:8080',
  job: 'kube-state-metrics',
  prometheus: 'monitoring/kube-prometheus-stack-prometheus',
  service: 'kube-prometheus-stack-kube-state-metrics',
};

export function crashLooping(namespace: string, pod: string, container: string): AmtoolAlert {
  return {
    labels: {
      alertname: 'KubePodCrashLooping',
      severity: 'warning',
      namespace,
      pod,
      container,
      reason: 'CrashLoopBackOff',
      ...KUBE_STATE_METRICS,
    },
    annotations: {
      summary: 'Pod is crash looping.',
      description: `Pod ${namespace}/${pod} (${container}) is in waiting state (reason: CrashLoopBackOff).`,
      runbook_url: 'https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping',
    },
  };
}

/** The Deployment-level alert of a storm: its `pod` label is the exporter's, not the Deployment's. */
export function replicasMismatch(namespace: string, deployment: string): AmtoolAlert {
  return {
    labels: {
      alertname: 'KubeDeploymentReplicasMismatch',
      severity: 'warning',
      namespace,
      deployment,
      container: 'kube-state-metrics',
      pod: 'kube-prometheus-stack-kube-state-metrics-6d4f9c7b8d-qk7zt',
      ...KUBE_STATE_METRICS,
    },
    annotations: {
      summary: 'Deployment has not matched the expected number of replicas.',
      description: `Deployment ${namespace}/${deployment} has not matched the expected number of replicas for longer than 15 minutes.`,
    },
  };
}

/** kube-prometheus rates CPUThrottlingHigh `info`; its series come from the kubelet's cAdvisor. */
export function cpuThrottling(namespace: string, pod: string, container: string): AmtoolAlert {
  return {
    labels: {
      alertname: 'CPUThrottlingHigh',
      severity: 'info',
      namespace,
      pod,
      container,
      job: 'kubelet',
      metrics_path: '/metrics/cadvisor',
    },
    annotations: {
      summary: 'Processes experience elevated CPU throttling.',
      description: `41% throttling of CPU in namespace ${namespace} for container ${container} in pod ${pod}.`,
    },
  };
}

/** The always-firing heartbeat: no namespace, severity `none`. */
export function watchdog(): AmtoolAlert {
  return {
    labels: {
      alertname: 'Watchdog',
      severity: 'none',
      prometheus: 'monitoring/kube-prometheus-stack-prometheus',
    },
    annotations: {
      summary: 'An alert that should always be firing to certify that Alertmanager is working properly.',
    },
  };
}
