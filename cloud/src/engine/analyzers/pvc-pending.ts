import type { KubeObject, LabelSelector, Pod } from '@opsworker/agent/kube/kube-types.ts';
import { labelSelectorString } from '@opsworker/agent/kube/label-selector.ts';
import type { NextStep } from '@opsworker/shared';
import type { BundleIndex } from './bundle/bundle-index.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { type EventFact, recentEvents } from './bundle/event-facts.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, describe, fix } from './kubectl.ts';

type Claim = KubeObject & {
  spec?: {
    storageClassName?: string | null;
    selector?: LabelSelector;
    accessModes?: string[];
    resources?: { requests?: { storage?: string } };
  };
  status?: { phase?: string };
};

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

function storageClasses(index: BundleIndex): string[] {
  return index.ofKind('StorageClass').map((c) => {
    const name = c.object.metadata?.name ?? '';
    return c.object.metadata?.annotations?.[DEFAULT_CLASS] === 'true' ? `${name} (default)` : name;
  });
}

/** One sentence-safe clause from a provisioner error: the API error code and its message. */
function provisionerError(message: string): string {
  const api = /api error (\w+): ([^.]*)/.exec(message);
  if (api) return `${api[1]}: ${api[2]}`;
  return message.split(/\.\s/)[0] ?? message;
}

interface Diagnosis {
  category: 'pvc_missing_storage_class' | 'pvc_provisioning_failed' | 'unbound_pvc';
  why: string;
  event?: EventFact;
  steps: NextStep[];
}

function diagnose(index: BundleIndex, claim: Claim, namespace: string, name: string): Diagnosis {
  const events = recentEvents(index, { kind: 'PersistentVolumeClaim', namespace, name });
  const className = claim.spec?.storageClassName;
  const classes = storageClasses(index);
  const failed = events.findLast((e) => e.reason === 'ProvisioningFailed');
  const classMissing =
    (failed && /storageclass.* not found/i.test(failed.message)) ||
    (className && classes.length > 0 && !classes.some((c) => c.split(' ')[0] === className));
  if (className && classMissing) {
    return {
      category: 'pvc_missing_storage_class',
      why: `its storage class ${className} does not exist (classes in the cluster: ${classes.join(', ') || 'none collected'})`,
      ...(failed ? { event: failed } : {}),
      steps: [
        check('List the storage classes', 'kubectl get storageclass'),
        fix(
          `create StorageClass ${className}, or recreate the claim with an existing class (storageClassName cannot change in place)`,
          'kubectl apply -f <storageclass.yaml>',
        ),
      ],
    };
  }
  if (failed) {
    const size = claim.spec?.resources?.requests?.storage;
    return {
      category: 'pvc_provisioning_failed',
      why: `provisioning its ${size ?? ''} volume${className ? ` with StorageClass ${className}` : ''} fails: ${provisionerError(failed.message)}`.replace(
        '  ',
        ' ',
      ),
      event: failed,
      steps: [
        fix(
          'fix the provisioner error (cloud quota, size, zone), then the claim binds on its own',
          describe(namespace, `persistentvolumeclaim/${name}`),
        ),
      ],
    };
  }
  const binding = events.findLast((e) => e.reason === 'FailedBinding');
  const selector = labelSelectorString(claim.spec?.selector);
  const wants = [
    selector && `PVs labelled ${selector}`,
    claim.spec?.resources?.requests?.storage,
    claim.spec?.accessModes?.join(','),
  ]
    .filter(Boolean)
    .join(', ');
  return {
    category: 'unbound_pvc',
    why: `${binding?.message ?? 'no PersistentVolume matches it'}${wants ? ` (it asks for ${wants})` : ''}`,
    ...(binding ? { event: binding } : {}),
    steps: [
      check('List the volumes it could bind', `kubectl get pv${selector ? ` -l ${selector}` : ''}`),
      fix(
        'create a PersistentVolume that matches the claim, or set a storage class that provisions one',
        'kubectl apply -f <persistentvolume.yaml>',
      ),
    ],
  };
}

/** The workloads whose pods mount a claim. */
function consumers(index: BundleIndex, namespace: string, claimName: string): string[] {
  const refs = new Set<string>();
  for (const collected of index.ofKind('Pod')) {
    const pod = collected.object as Pod;
    if (pod.metadata?.namespace !== namespace) continue;
    const mounts = (pod.spec?.volumes ?? []).some(
      (v) => (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName === claimName,
    );
    if (mounts) refs.add(owningWorkload(index, pod).ref);
  }
  return [...refs];
}

/** PersistentVolumeClaims stuck Pending: a missing storage class, a failing provisioner, no matching volume. */
export const pvcPending: Analyzer = {
  name: 'pvc-pending',
  analyze(bundle) {
    const index = indexBundle(bundle);
    return index
      .ofKind('PersistentVolumeClaim')
      .filter((c) => (c.object as Claim).status?.phase === 'Pending')
      .map((collected) => {
        const claim = collected.object as Claim;
        const namespace = claim.metadata?.namespace ?? '';
        const name = claim.metadata?.name ?? '';
        const diagnosis = diagnose(index, claim, namespace, name);
        const users = consumers(index, namespace, name);
        const evidence: FindingEvidence[] = [
          {
            evidenceId: collected.evidenceId,
            excerpt: `PersistentVolumeClaim ${name}: Pending, storageClassName ${claim.spec?.storageClassName || '(none)'}`,
          },
        ];
        if (diagnosis.event)
          evidence.push({
            evidenceId: diagnosis.event.evidenceId,
            excerpt: diagnosis.event.message.slice(0, 400),
          });
        const finding: Finding = {
          analyzer: 'pvc-pending',
          category: diagnosis.category,
          statement: `persistentvolumeclaim/${name} stays Pending because ${diagnosis.why}${users.length ? `, so ${users.join(', ')} cannot start` : ''}.`,
          confidence: diagnosis.event ? 'high' : 'medium',
          resource: `persistentvolumeclaim/${name}`,
          namespace,
          evidence,
          facts: [name, ...(claim.spec?.storageClassName ? [claim.spec.storageClassName] : [])],
          nextSteps: [
            check('See the claim and its events', describe(namespace, `persistentvolumeclaim/${name}`)),
            ...diagnosis.steps,
          ],
          impact: users.length
            ? `${users.join(', ')} cannot start until the claim binds`
            : `the claim ${name} is unusable`,
          affects: users,
        };
        return finding;
      });
  },
};
