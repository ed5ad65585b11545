import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cacheEvents,
  dependencyReport,
  namespace,
  needsWork,
  pod,
  readCache,
  readLogs,
  startEnricherHarness,
} from './enricher-harness.ts';
import { INVENTORY } from './inventory-crash-context.ts';

describe('the LLM stage of an investigation (scripted models, real Strands loop, real agent on the simulated cluster)', () => {
  let harness: Awaited<ReturnType<typeof startEnricherHarness>>;

  beforeAll(async () => {
    harness = await startEnricherHarness();
  });
  afterAll(() => harness.close());

  const llmReads = () => harness.llmReads();
  const run: typeof harness.run = (scripts, budgets) => harness.run(scripts, budgets);

  describe('when the investigator finds the cause behind the symptom', () => {
    let outcome: Awaited<ReturnType<typeof run>['result']>;
    let models: ReturnType<typeof run>['models'];
    const readsBefore = { count: 0 };

    beforeAll(async () => {
      readsBefore.count = llmReads().length;
      const started = run({
        triage: [needsWork],
        investigation: [
          { tools: [readLogs], usage: { inputTokens: 2000, outputTokens: 60 } },
          { tools: [readCache, cacheEvents], usage: { inputTokens: 3000, outputTokens: 80 } },
          {
            text: 'inventory-cache is scaled to 0 (op-2); inventory-api cannot reach Redis (op-1).',
            usage: { inputTokens: 4000, outputTokens: 100 },
          },
        ],
        report: [{ structured: dependencyReport, usage: { inputTokens: 3000, outputTokens: 300 } }],
      });
      models = started.models;
      outcome = await started.result;
    });

    it('reports the dependency, in the shared vocabulary, instead of the symptom', () => {
      expect(outcome.report.rootCause).toEqual(dependencyReport.rootCause);
      expect(outcome.report.confidence).toBe('high');
      expect(outcome.usage.outcome).toBe('enriched');
    });

    it('reads the cluster through the real agent, in the investigation’s name', () => {
      const reads = llmReads().slice(readsBefore.count);
      expect(reads.map((e) => e.op)).toEqual(['logs', 'get', 'events']);
      expect(reads.every((e) => e.requestedBy?.investigationId === 'inv_inventory')).toBe(true);
      // The second model call saw what the agent read from the simulated cluster.
      expect(models.investigation.requests[1]?.toolResults.join('')).toContain(
        'ECONNREFUSED 172.20.217.69:6379',
      );
      expect(models.investigation.requests[2]?.toolResults.join('')).toContain('replicas: 0');
    });

    it('keeps only evidence that was collected, titled by OpsWorker, quotes checked', () => {
      expect(outcome.report.evidence.map((e) => e.id)).toEqual(['op-1', 'op-2']);
      expect(outcome.report.evidence[0]).toMatchObject({
        title: `kubectl -n ${namespace} logs ${pod} --previous --tail=200`,
        excerpt: dependencyReport.evidence[0]!.excerpt,
      });
      // "replicas: 7" is not in the deployment: the evidence's own lines replace the misquote.
      expect(outcome.report.evidence[1]?.excerpt).not.toContain('replicas: 7');
      expect(outcome.report.evidence[1]?.title).toBe(
        `kubectl -n ${namespace} get deployments inventory-cache -o yaml`,
      );
    });

    it('never shows a model the planted password, from the logs or from the alert', () => {
      const sent = [models.triage, models.investigation, models.report].flatMap((m) =>
        m.requests.map((r) => r.messages),
      );
      expect(sent.join('\n')).toContain('inventory-db');
      expect(sent.join('\n')).not.toContain(INVENTORY.plantedSecret);
    });

    it('counts tokens per stage and estimates the cost at list price', () => {
      expect(outcome.usage.stages).toEqual([
        {
          stage: 'triage',
          model: 'gpt-4o-mini',
          inputTokens: 1000,
          outputTokens: 40,
          estimatedCostUsd: 0.000174,
        },
        {
          stage: 'investigation',
          model: 'gpt-4o',
          inputTokens: 9000,
          outputTokens: 240,
          estimatedCostUsd: 0.0249,
        },
        { stage: 'report', model: 'gpt-4o', inputTokens: 3000, outputTokens: 300, estimatedCostUsd: 0.0105 },
      ]);
      expect(outcome.usage).toMatchObject({
        totalTokens: 13_580,
        toolCalls: 3,
        estimatedCostUsd: 0.035574,
        costComplete: true,
      });
    });
  });

  it('keeps the deterministic report, and only pays for triage, when triage says it is enough', async () => {
    const before = llmReads().length;
    const { result } = run({
      triage: [
        {
          structured: { needsInvestigation: false, reason: 'Direct evidence.' },
          usage: { inputTokens: 800, outputTokens: 20 },
        },
      ],
    });
    const outcome = await result;
    expect(outcome.report).toBe(harness.context.report);
    expect(outcome.usage).toMatchObject({ outcome: 'kept', totalTokens: 820, toolCalls: 0 });
    expect(llmReads().length).toBe(before);
  });

  it('sends a category outside the shared vocabulary back to the reporter, and uses the corrected report', async () => {
    const { models, result } = run({
      triage: [needsWork],
      investigation: [{ text: 'Nothing to add.' }],
      report: [
        {
          structured: {
            ...dependencyReport,
            rootCause: { ...dependencyReport.rootCause, category: 'redis_down' },
          },
        },
        { structured: dependencyReport },
      ],
    });
    const outcome = await result;
    expect(outcome.report.rootCause.category).toBe('crash_loop_dependency');
    expect(models.report.requests[1]?.toolResults.join('')).toContain('crash_loop_dependency');
    // No op-N reads happened, so nothing the model cited exists: the deterministic evidence stays.
    expect(outcome.report.evidence).toEqual(harness.context.report.evidence);
    expect(outcome.report.confidence).toBe('medium');
  });
});
