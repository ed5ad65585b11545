import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { Finding } from '@opsworker/cloud/engine/analyzers/finding.ts';
import type { EvidenceBundle } from '@opsworker/cloud/engine/evidence/evidence-bundle.ts';
import type { EnrichContext } from '@opsworker/cloud/engine/worker/enrich.ts';
import {
  AGENT_PROTOCOL_VERSION,
  type AgentOperation,
  type AgentTransport,
  type Alert,
} from '@opsworker/shared';

/** The `crash-loop-dependency` scenario's alerted pod, namespace and planted secret. */
export const INVENTORY = {
  namespace: 'inventory',
  pod: 'inventory-api-ld7zrxkltb-wfh9t',
  container: 'inventory-api',
  plantedSecret: 'Inv3ntory-Pg-Pass!',
} as const;

async function read(transport: AgentTransport, id: string, operation: AgentOperation): Promise<unknown> {
  const response = await transport.call({
    version: AGENT_PROTOCOL_VERSION,
    id,
    operation,
    requestedBy: { orgId: 'default', investigationId: 'inv_inventory', user: 'collector' },
  });
  if (!response.ok) throw new Error(`fixture read failed: ${response.error.message}`);
  return response.result;
}

/**
 * What the deterministic engine would hand the LLM stage for the `crash-loop-dependency`
 * scenario, collected through the real agent: the crashing pod and its previous logs, and a
 * finding that stops at the symptom (inventory-api exits) without naming the cache that was
 * scaled to zero. The alert carries a database URL with the scenario's planted password.
 */
export async function inventoryCrashContext(transport: AgentTransport): Promise<EnrichContext> {
  const { namespace, pod, container } = INVENTORY;
  const podObject = (await read(transport, 'fixture-pod', {
    op: 'get',
    kind: 'pods',
    namespace,
    name: pod,
  })) as KubeObject;
  const logs = (await read(transport, 'fixture-logs', {
    op: 'logs',
    namespace,
    pod,
    container,
    previous: true,
    tailLines: 200,
  })) as string;
  const collectedAt = new Date().toISOString();
  const bundle: EvidenceBundle = {
    scope: { cluster: 'prod-eu-west-1', namespace, kind: 'pods', name: pod, container },
    target: { kind: 'Deployment', namespace, name: 'inventory-api' },
    objects: [{ object: podObject, evidenceId: 'ev_pod' }],
    events: [],
    logs: [{ namespace, pod, container, previous: true, text: logs, evidenceId: 'ev_prev_logs' }],
    evidence: [
      {
        id: 'ev_pod',
        title: `Pod ${namespace}/${pod}`,
        operation: { op: 'get', kind: 'pods', namespace, name: pod },
        ok: true,
        truncated: false,
        bytes: 4000,
      },
      {
        id: 'ev_prev_logs',
        title: `Previous logs of ${pod}/${container}`,
        operation: { op: 'logs', namespace, pod, container, previous: true },
        ok: true,
        truncated: false,
        bytes: logs.length,
      },
    ],
    collectedAt,
  };
  const finding: Finding = {
    analyzer: 'crash-loop',
    category: 'crash_loop_panic',
    statement: 'inventory-api exits at start-up with "fatal: cache unavailable after 5 attempts"',
    confidence: 'low',
    resource: 'deployment/inventory-api',
    namespace,
    evidence: [
      {
        evidenceId: 'ev_prev_logs',
        excerpt: 'fatal: cache unavailable after 5 attempts: connect ECONNREFUSED 172.20.217.69:6379',
      },
    ],
    facts: ['CrashLoopBackOff'],
    nextSteps: [
      { description: 'Read the previous logs', command: `kubectl -n ${namespace} logs ${pod} --previous` },
    ],
  };
  const alert: Alert = {
    id: 'alt_1',
    orgId: 'default',
    source: 'alertmanager',
    fingerprint: 'f1',
    status: 'firing',
    severity: 'warning',
    title: 'KubePodCrashLooping',
    description: `inventory-api cannot start; DSN postgres://inventory:${INVENTORY.plantedSecret}@inventory-db:5432/inventory`,
    labels: { alertname: 'KubePodCrashLooping', namespace, pod, container },
    annotations: { summary: 'Pod is crash looping.' },
    startsAt: collectedAt,
    links: [],
    scope: bundle.scope,
    receivedCount: 1,
    firstSeenAt: collectedAt,
    lastSeenAt: collectedAt,
    lastReceipt: 1,
  };
  return {
    investigation: {
      id: 'inv_inventory',
      orgId: 'default',
      status: 'running',
      title: 'KubePodCrashLooping',
      severity: 'warning',
      scope: bundle.scope,
      trigger: { type: 'alert', alertId: 'alt_1', fingerprint: 'f1', source: 'alertmanager' },
      alertIds: ['alt_1'],
      groupKey: 'k',
      createdAt: collectedAt,
      updatedAt: collectedAt,
    },
    bundle,
    findings: [finding],
    report: {
      summary: 'inventory-api is crash looping: it exits at start-up because its cache is unavailable.',
      rootCause: {
        category: 'crash_loop_panic',
        statement: finding.statement,
        resource: 'deployment/inventory-api',
      },
      confidence: 'low',
      evidence: [
        {
          id: 'ev_prev_logs',
          title: `Previous logs of ${pod}/${container}`,
          excerpt: finding.evidence[0]!.excerpt,
        },
      ],
      nextSteps: finding.nextSteps,
      contributingFactors: [],
      links: [],
    },
    alerts: [alert],
  };
}
