import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import { classifyQuestion } from '@opsworker/cloud/conversation/intent/classify-intent.ts';
import { routeQuestion } from '@opsworker/cloud/conversation/intent/intent-router.ts';
import { knownNames } from '@opsworker/cloud/conversation/target/target-ref.ts';
import { OperationRunner } from '@opsworker/cloud/engine/llm/tools/operation-runner.ts';
import type { Investigation } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AgentAgainstFake, startAgentAgainstFake } from '../agent/fake-cluster-agent.ts';
import { inventoryInvestigation } from './inventory-investigation.ts';

const PLANTED_SECRET = 'Inv3ntory-Pg-Pass!';

describe('the intent router (no model) against the simulated cluster', () => {
  let agent: AgentAgainstFake;
  const investigation = inventoryInvestigation();

  beforeAll(async () => {
    agent = await startAgentAgainstFake({ scenarios: ['crash-loop-dependency'] });
  });
  afterAll(() => agent.close());

  async function ask(text: string, subject: Investigation = investigation, connected = true) {
    const runner = connected
      ? new OperationRunner({
          transport: createInProcessTransport(agent.executor),
          requester: { orgId: 'default', investigationId: subject.id, user: 'alice' },
        })
      : undefined;
    const question = classifyQuestion(text, knownNames(subject));
    return routeQuestion({ investigation: subject, text, question, runner, now: Date.now() });
  }

  it.each([
    [
      'show me the logs',
      'intent-router:logs',
      [
        '**Logs of `inventory-api-ld7zrxkltb-wfh9t`** (container `inventory-api`)',
        'fatal: cache unavailable',
        '```sh\nkubectl -n inventory logs inventory-api-ld7zrxkltb-wfh9t -c inventory-api --tail=200\n```',
      ],
    ],
    [
      'previous logs of inventory-api',
      'intent-router:logs',
      ['**Previous logs of `inventory-api-', 'ECONNREFUSED 172.20.217.69:6379', '--previous --tail=200'],
    ],
    [
      'any events for inventory-cache?',
      'intent-router:events',
      ['Recent events about `inventory-cache`', 'ScalingReplicaSet', 'inventory-cache-rccl4nbh6q'],
    ],
    [
      'describe deployment inventory-cache',
      'intent-router:describe',
      [
        '**`deployment/inventory-cache`**',
        'Replicas:',
        '0 desired',
        'kubectl -n inventory describe deployments inventory-cache',
      ],
    ],
    [
      'what changed?',
      'intent-router:changes',
      // About the cause, not the symptom: the cache that was scaled to zero.
      [
        'Rollout history of `deployment/inventory-cache`',
        'kubectl -n inventory rollout history deployments/inventory-cache',
        'Scaled down replica set inventory-cache-rccl4nbh6q from 1 to 0',
      ],
    ],
    [
      'what changed on inventory-api?',
      'intent-router:changes',
      [
        'Rollout history of `deployment/inventory-api`',
        'ghcr.io/acme/inventory-api:5.3.0',
        'Back-off restarting failed container',
      ],
    ],
    [
      'how do I fix it?',
      'intent-router:fix',
      [
        '**Next steps**',
        '1. Check why the cache was scaled down',
        '```sh\nkubectl -n inventory scale deployment/inventory-cache --replicas=1\n```',
        'OpsWorker never runs these',
      ],
    ],
    [
      'show me the evidence',
      'intent-router:evidence',
      [
        '**Previous logs of inventory-api-ld7zrxkltb-wfh9t/inventory-api** (`ev_prev_logs`)',
        'ECONNREFUSED 172.20.217.69:6379',
      ],
    ],
    [
      'what happened?',
      'intent-router:status',
      [
        'root cause found',
        '**Root cause** (`crash_loop_dependency`, high confidence)',
        '`deployment/inventory-cache`',
      ],
    ],
    [
      'kubectl get pods -n inventory',
      'intent-router:kubectl',
      ['`$ kubectl get pods -n inventory`', 'CrashLoopBackOff'],
    ],
    ['kubectl delete pod inventory-api-ld7zrxkltb-wfh9t', 'intent-router:kubectl', ['Refused']],
    [
      'tell me a joke',
      'intent-router:help',
      ["I didn't understand that", '"how do I fix it?"', '"previous logs of inventory-api-ld7zrxkltb-wfh9t"'],
    ],
  ])('"%s" → %s', async (text, answeredBy, contents) => {
    const answer = await ask(text);
    expect(answer.answeredBy).toBe(answeredBy);
    for (const content of contents) expect(answer.text).toContain(content);
    expect(answer.text).not.toContain(PLANTED_SECRET);
  });

  it('cites the report’s evidence when it answers from the report', async () => {
    expect((await ask('how do you know?')).evidenceIds).toEqual(['ev_prev_logs', 'ev_cache']);
  });

  it('says what is missing when a workload has no pods', async () => {
    expect((await ask('logs of inventory-cache')).text).toBe(
      '`deployment/inventory-cache` has no pods to read logs from right now.',
    );
  });

  it('answers from the report, and gives the command, when no agent is connected', async () => {
    expect((await ask('how do I fix it?', investigation, false)).text).toContain(
      'scale deployment/inventory-cache',
    );
    const logs = await ask('show me the logs', investigation, false);
    expect(logs.text).toContain("I can't reach this cluster's agent");
    expect(logs.text).toContain('kubectl -n inventory logs pod/inventory-api-ld7zrxkltb-wfh9t');
  });

  it('says the report is not written yet while the investigation runs', async () => {
    const running = inventoryInvestigation({ status: 'running', outcome: undefined, report: undefined });
    expect((await ask('how do I fix it?', running)).text).toBe(
      'The investigation is running; the report is not written yet. Ask again in a moment.',
    );
  });
});
