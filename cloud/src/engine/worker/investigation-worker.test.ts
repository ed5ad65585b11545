import type { LlmUsage, Report } from '@opsworker/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { queuedInvestigation, workerHarness } from './__fixtures__/worker-harness.ts';
import { NoClusterError } from './kubeconfig-agent.ts';

type Harness = Awaited<ReturnType<typeof workerHarness>>;

const usage = (outcome: LlmUsage['outcome']): LlmUsage => ({
  provider: 'openai-compatible',
  outcome,
  stages: [{ stage: 'triage', model: 'small', inputTokens: 1200, outputTokens: 80 }],
  inputTokens: 1200,
  outputTokens: 80,
  totalTokens: 1280,
  toolCalls: 0,
  estimatedCostUsd: 0,
  costComplete: false,
});

describe('InvestigationWorker', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  describe('when the cluster has what it needs', () => {
    it('completes with a report whose cited evidence can be opened', async () => {
      harness = await workerHarness();
      await harness.worker.handle(harness.job);
      const investigation = await harness.stored();
      expect(investigation).toMatchObject({ status: 'completed', outcome: 'root_cause_found' });
      expect(investigation.startedAt).toBeDefined();
      expect(Date.parse(investigation.completedAt ?? '')).toBeGreaterThanOrEqual(
        Date.parse(investigation.startedAt ?? ''),
      );
      const cited = investigation.report?.evidence.map((e) => e.id) ?? [];
      expect(cited.length).toBeGreaterThan(0);
      for (const id of cited)
        expect(
          await harness.agent.blobs.get('acme', `evidence/${investigation.id}/${id}.json`),
        ).toBeDefined();
    });

    it('writes the timeline as it goes, in order, and publishes each event as it is stored', async () => {
      harness = await workerHarness();
      await harness.worker.handle(harness.job);
      const timeline = await harness.timeline();
      const types = timeline.map((e) => e.type);
      expect(types[0]).toBe('started');
      expect(types.at(-1)).toBe('completed');
      expect(types).toEqual(expect.arrayContaining(['step', 'evidence', 'finding', 'report']));
      expect(types.indexOf('report')).toBeLessThan(types.indexOf('completed'));
      expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
      expect(harness.published.map((e) => e.seq)).toEqual(timeline.map((e) => e.seq));
      expect(timeline.map((e) => e.message)).toContainEqual(
        expect.stringMatching(/^Collected \d+ pieces of evidence in \d+ ms/),
      );
    });

    it('counts it in the metrics', async () => {
      harness = await workerHarness();
      await harness.worker.handle(harness.job);
      const text = harness.metrics.registry.render();
      expect(text).toContain(
        'opsworker_investigations_finished_total{status="completed",outcome="root_cause_found"} 1',
      );
      expect(text).toContain('opsworker_investigation_duration_seconds_count 1');
    });
  });

  describe('when the same job is delivered again', () => {
    it('does not redo a completed investigation', async () => {
      harness = await workerHarness();
      await harness.worker.handle(harness.job);
      const before = await harness.timeline();
      await harness.worker.handle(harness.job);
      expect(await harness.timeline()).toEqual(before);
    });

    it('ignores a second delivery while the first one still runs', async () => {
      harness = await workerHarness();
      await Promise.all([harness.worker.handle(harness.job), harness.worker.handle(harness.job)]);
      const types = (await harness.timeline()).map((e) => e.type);
      expect(types.filter((t) => t === 'started')).toHaveLength(1);
    });

    it('redoes one left running by a restart, saying it resumed', async () => {
      harness = await workerHarness({ investigation: queuedInvestigation({ status: 'running' }) });
      await harness.worker.handle(harness.job);
      expect((await harness.stored()).status).toBe('completed');
      expect((await harness.timeline())[0]?.message).toMatch(/^Investigation resumed after an interruption/);
    });
  });

  describe('when an enrichment stage is configured', () => {
    it('stores the enriched report and what it cost', async () => {
      harness = await workerHarness({
        deps: {
          enrich: async ({ report }) => ({
            report: { ...report, summary: `Refined: ${report.summary}` },
            usage: usage('enriched'),
          }),
        },
      });
      await harness.worker.handle(harness.job);
      const investigation = await harness.stored();
      expect(investigation.report?.summary).toMatch(/^Refined: /);
      expect(investigation.llm).toMatchObject({ outcome: 'enriched', totalTokens: 1280 });
      const reports = (await harness.timeline())
        .filter((e) => e.type === 'report')
        .map((e) => e.data?.source);
      expect(reports).toEqual(['deterministic', 'llm']);
    });

    it('keeps the deterministic report when it fails, and says so', async () => {
      let deterministic: Report | undefined;
      const failure = Object.assign(new Error('model timed out'), { usage: usage('failed') });
      harness = await workerHarness({
        deps: {
          enrich: async ({ report }) => {
            deterministic = report;
            throw failure;
          },
        },
      });
      await harness.worker.handle(harness.job);
      const investigation = await harness.stored();
      expect(investigation.status).toBe('completed');
      expect(investigation.report).toEqual(deterministic);
      expect(investigation.llm?.outcome).toBe('failed');
      expect((await harness.timeline()).map((e) => e.message)).toContain(
        'The AI analysis failed unexpectedly; the deterministic report stands.',
      );
    });
  });

  describe('when there is no cluster to investigate', () => {
    it('fails at once with what to do, without asking the queue to retry', async () => {
      const userMessage = 'No Kubernetes cluster to investigate. Set KUBECONFIG.';
      harness = await workerHarness({
        deps: { agentFor: async () => Promise.reject(new NoClusterError('no kubeconfig', { userMessage })) },
      });
      await harness.worker.handle(harness.job);
      expect(await harness.stored()).toMatchObject({
        status: 'failed',
        outcome: 'failed',
        error: userMessage,
      });
      const last = (await harness.timeline()).at(-1);
      expect(last).toMatchObject({ type: 'failed', message: userMessage });
    });
  });

  describe('when something unexpected breaks', () => {
    it('lets the queue retry, then fails with a message that leaks nothing internal', async () => {
      harness = await workerHarness({
        deps: { agentFor: async () => Promise.reject(new Error('ECONNRESET at 10.0.0.7:443 /secret/path')) },
      });
      await expect(harness.worker.handle(harness.job)).rejects.toThrow('ECONNRESET');
      expect((await harness.stored()).status).toBe('running');
      await harness.worker.giveUp(harness.job, new Error('ECONNRESET at 10.0.0.7:443 /secret/path'));
      const investigation = await harness.stored();
      expect(investigation.status).toBe('failed');
      expect(investigation.error).toMatch(/^OpsWorker failed unexpectedly/);
      expect(investigation.error).not.toContain('10.0.0.7');
    });
  });
});
