import type { Scope } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { scopeFromPrometheusLabels } from './prometheus-scope.ts';

/** The labels kube-prometheus-stack's Prometheus attaches to every series scraped from kube-state-metrics. */
const KSM_TARGET = {
  container: 'kube-state-metrics',
  endpoint: 'http',
  instance: '10.244.2.14:8080',
  job: 'kube-state-metrics',
  pod: 'kube-prometheus-stack-kube-state-metrics-6d4f9c7b8d-qk7zt',
  prometheus: 'monitoring/kube-prometheus-stack-prometheus',
  service: 'kube-prometheus-stack-kube-state-metrics',
};
const KUBELET_TARGET = {
  endpoint: 'https-metrics',
  instance: '10.0.3.17:10250',
  job: 'kubelet',
  metrics_path: '/metrics',
  node: 'ip-10-0-3-17.eu-west-1.compute.internal',
  service: 'kube-prometheus-stack-kubelet',
};
const NODE = 'ip-10-0-3-17.eu-west-1.compute.internal';

describe('scopeFromPrometheusLabels', () => {
  describe('when given the label sets of kube-prometheus alerts', () => {
    it.each<[string, Record<string, string>, Scope]>([
      [
        'KubePodCrashLooping',
        {
          ...KSM_TARGET,
          alertname: 'KubePodCrashLooping',
          container: 'api',
          namespace: 'shop',
          pod: 'api-7c9d8b6f5-x2x9p',
          reason: 'CrashLoopBackOff',
          severity: 'warning',
        },
        { namespace: 'shop', kind: 'pods', name: 'api-7c9d8b6f5-x2x9p', container: 'api' },
      ],
      [
        'KubeDeploymentReplicasMismatch',
        {
          ...KSM_TARGET,
          alertname: 'KubeDeploymentReplicasMismatch',
          deployment: 'checkout',
          namespace: 'shop',
          severity: 'warning',
        },
        { namespace: 'shop', kind: 'deployments', name: 'checkout' },
      ],
      [
        'KubeStatefulSetReplicasMismatch',
        {
          ...KSM_TARGET,
          alertname: 'KubeStatefulSetReplicasMismatch',
          statefulset: 'postgres',
          namespace: 'data',
          severity: 'warning',
        },
        { namespace: 'data', kind: 'statefulsets', name: 'postgres' },
      ],
      [
        'KubeDaemonSetRolloutStuck',
        {
          ...KSM_TARGET,
          alertname: 'KubeDaemonSetRolloutStuck',
          daemonset: 'fluent-bit',
          namespace: 'logging',
          severity: 'warning',
        },
        { namespace: 'logging', kind: 'daemonsets', name: 'fluent-bit' },
      ],
      [
        'KubeHpaMaxedOut',
        {
          ...KSM_TARGET,
          alertname: 'KubeHpaMaxedOut',
          horizontalpodautoscaler: 'web',
          namespace: 'shop',
          severity: 'warning',
        },
        { namespace: 'shop', kind: 'horizontalpodautoscalers', name: 'web' },
      ],
      [
        'KubeJobFailed (job_name is the Job; job is the scrape job)',
        {
          ...KSM_TARGET,
          alertname: 'KubeJobFailed',
          condition: 'true',
          job_name: 'db-backup-29011440',
          namespace: 'ops',
          severity: 'warning',
        },
        { namespace: 'ops', kind: 'jobs', name: 'db-backup-29011440' },
      ],
      [
        'KubeNodeNotReady (the exporter namespace is not the node’s)',
        {
          ...KSM_TARGET,
          alertname: 'KubeNodeNotReady',
          condition: 'Ready',
          namespace: 'monitoring',
          node: NODE,
          severity: 'warning',
          status: 'true',
        },
        { kind: 'nodes', name: NODE },
      ],
      [
        'KubePersistentVolumeFillingUp (scraped from the kubelet of a node)',
        {
          ...KUBELET_TARGET,
          alertname: 'KubePersistentVolumeFillingUp',
          namespace: 'data',
          persistentvolumeclaim: 'data-postgres-0',
          severity: 'critical',
        },
        { namespace: 'data', kind: 'persistentvolumeclaims', name: 'data-postgres-0' },
      ],
      [
        'KubeletTooManyPods',
        { alertname: 'KubeletTooManyPods', node: NODE, severity: 'info' },
        { kind: 'nodes', name: NODE },
      ],
      [
        'CPUThrottlingHigh',
        {
          alertname: 'CPUThrottlingHigh',
          container: 'api',
          namespace: 'shop',
          pod: 'api-7c9d8b6f5-x2x9p',
          severity: 'info',
        },
        { namespace: 'shop', kind: 'pods', name: 'api-7c9d8b6f5-x2x9p', container: 'api' },
      ],
      [
        'TargetDown (the service is the subject when nothing else is named)',
        { alertname: 'TargetDown', job: 'api', namespace: 'shop', service: 'api', severity: 'warning' },
        { namespace: 'shop', kind: 'services', name: 'api' },
      ],
      [
        'KubeStateMetricsListErrors (the exporter itself is the subject)',
        {
          ...KSM_TARGET,
          alertname: 'KubeStateMetricsListErrors',
          namespace: 'monitoring',
          severity: 'critical',
        },
        { namespace: 'monitoring', kind: 'pods', name: KSM_TARGET.pod, container: 'kube-state-metrics' },
      ],
      [
        'NodeFilesystemSpaceFillingUp (about the node the exporter runs on)',
        {
          alertname: 'NodeFilesystemSpaceFillingUp',
          container: 'node-exporter',
          device: '/dev/nvme0n1p1',
          endpoint: 'http-metrics',
          fstype: 'xfs',
          instance: NODE,
          job: 'node-exporter',
          mountpoint: '/',
          namespace: 'monitoring',
          pod: 'kube-prometheus-stack-prometheus-node-exporter-8xk2p',
          service: 'kube-prometheus-stack-prometheus-node-exporter',
          severity: 'warning',
        },
        { kind: 'nodes', name: NODE },
      ],
      [
        'KubeQuotaExceeded (`ignoring(instance, job, type)` keeps the exporter pod but drops job)',
        {
          alertname: 'KubeQuotaExceeded',
          container: 'kube-state-metrics',
          endpoint: 'http',
          namespace: 'shop',
          pod: KSM_TARGET.pod,
          resource: 'requests.cpu',
          resourcequota: 'shop-quota',
          service: KSM_TARGET.service,
          severity: 'info',
        },
        { namespace: 'shop', kind: 'resourcequotas', name: 'shop-quota' },
      ],
      [
        'KubePersistentVolumeErrors (cluster-scoped)',
        {
          ...KSM_TARGET,
          alertname: 'KubePersistentVolumeErrors',
          namespace: 'monitoring',
          persistentvolume: 'pvc-3f1c9a2e',
          phase: 'Failed',
          severity: 'critical',
        },
        { kind: 'persistentvolumes', name: 'pvc-3f1c9a2e' },
      ],
      ['Watchdog (no object)', { alertname: 'Watchdog', severity: 'none' }, {}],
    ])('%s', (_name, labels, expected) => {
      expect(scopeFromPrometheusLabels(labels)).toEqual(expected);
    });
  });

  describe('when the ServiceMonitor does not honour labels', () => {
    it('takes the exported_* labels as the subject and the plain ones as the target', () => {
      const labels = {
        alertname: 'KubePodNotReady',
        exported_namespace: 'shop',
        exported_pod: 'api-7c9d8b6f5-x2x9p',
        job: 'kube-state-metrics',
        namespace: 'monitoring',
        pod: 'kube-state-metrics-6d4f9c7b8d-qk7zt',
      };
      expect(scopeFromPrometheusLabels(labels)).toEqual({
        namespace: 'shop',
        kind: 'pods',
        name: 'api-7c9d8b6f5-x2x9p',
      });
    });

    it('prefers the exported_* label wherever it sits among the labels, and falls back when it is blank', () => {
      const plainFirst = {
        namespace: 'monitoring',
        pod: 'kube-state-metrics-6d4f9c7b8d-qk7zt',
        job: 'kube-state-metrics',
      };
      expect(
        scopeFromPrometheusLabels({ ...plainFirst, exported_namespace: 'shop', exported_pod: 'api-1' }),
      ).toEqual({ namespace: 'shop', kind: 'pods', name: 'api-1' });
      expect(
        scopeFromPrometheusLabels({ exported_namespace: '  ', namespace: 'shop', pod: 'api-1' }),
      ).toEqual({
        namespace: 'shop',
        kind: 'pods',
        name: 'api-1',
      });
    });
  });

  describe('when node-exporter’s instance is an IP address', () => {
    it('keeps the exporter pod, from which the engine can find the node', () => {
      const labels = {
        alertname: 'NodeClockNotSynchronising',
        instance: '10.0.3.17:9100',
        job: 'node-exporter',
        namespace: 'monitoring',
        pod: 'node-exporter-8xk2p',
      };
      expect(scopeFromPrometheusLabels(labels)).toEqual({
        namespace: 'monitoring',
        kind: 'pods',
        name: 'node-exporter-8xk2p',
      });
    });
  });

  describe('when a multi-cluster setup adds a cluster label', () => {
    it('carries the cluster', () => {
      const labels = { cluster: 'prod-eu-1', deployment: 'checkout', namespace: 'shop' };
      expect(scopeFromPrometheusLabels(labels)).toEqual({
        cluster: 'prod-eu-1',
        namespace: 'shop',
        kind: 'deployments',
        name: 'checkout',
      });
    });
  });
});
