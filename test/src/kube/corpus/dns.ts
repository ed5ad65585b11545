import { onNode } from '../builders/base-nodes.ts';
import { crashLoop, exited } from '../builders/container-state.ts';
import { crashLoopEvents, scaledEvent } from '../builders/event-patterns.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { deployment } from '../builders/workloads.ts';
import { kubePodCrashLooping } from './alerts.ts';

export function dnsResolutionScenario(): ScenarioFiles {
  const ns = 'integrations';
  const bundle = deployment({
    namespace: ns,
    name: 'webhook-relay',
    replicas: 2,
    created: '-19d',
    revisions: [
      {
        revision: 9,
        created: '-41m',
        template: {
          labels: { app: 'webhook-relay' },
          containers: [
            {
              name: 'relay',
              image: 'ghcr.io/acme/webhook-relay:0.22.1',
              env: [
                { name: 'PAYMENTS_URL', value: 'http://payments-gatway.payments.svc.cluster.local:8080' },
              ],
              resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
            },
          ],
        },
        pods: [0, 1].map((i) => ({
          node: onNode(i),
          created: '-41m',
          states: [crashLoop(10 - i, exited(1, '-2m12s', '-2m1s'))],
        })),
      },
    ],
  });
  const log = [
    'level=info msg="webhook-relay 0.22.1 starting" upstream=http://payments-gatway.payments.svc.cluster.local:8080',
    'level=warn msg="upstream health check failed" attempt=1 err="Get \\"http://payments-gatway.payments.svc.cluster.local:8080/healthz\\": dial tcp: lookup payments-gatway.payments.svc.cluster.local on 172.20.0.10:53: no such host"',
    'level=warn msg="upstream health check failed" attempt=2 err="Get \\"http://payments-gatway.payments.svc.cluster.local:8080/healthz\\": dial tcp: lookup payments-gatway.payments.svc.cluster.local on 172.20.0.10:53: no such host"',
    'level=fatal msg="cannot reach upstream, giving up" err="dial tcp: lookup payments-gatway.payments.svc.cluster.local on 172.20.0.10:53: no such host"',
  ];
  const rs = bundle.replicaSets[0]!;
  const builder = new ScenarioBuilder({
    name: 'dns-resolution',
    description:
      'webhook-relay exits because its upstream host payments-gatway.payments.svc.cluster.local (a typo for payments-gateway) does not resolve: no such host.',
    namespace: ns,
    kind: 'failure',
    alert: kubePodCrashLooping(ns, bundle.pods[0]!.metadata.name, 'relay'),
    expected: {
      category: 'dns_resolution',
      resource: 'deployment/webhook-relay',
      facts: ['no such host', 'payments-gatway'],
    },
    basedOn: 'HolmesGPT test_ask_holmes/21_job_fail_curl_no_svc_account',
  })
    .add(bundle, scaledEvent(bundle.workload, rs, 0, 2, '-41m'))
    .add(
      bundle.pods.flatMap((p, i) =>
        crashLoopEvents(p, 'relay', { since: '-41m', lastStart: '-2m12s', count: 11 - i, backOffs: 170 }),
      ),
    );
  for (const p of bundle.pods) builder.log(p, 'relay', log, { previous: true });
  return builder.build();
}
