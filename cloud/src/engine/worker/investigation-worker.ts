import type { AgentTransport, Alert, Investigation, Report } from '@opsworker/shared';
import { OpsWorkerError } from '@opsworker/shared';
import type { EventBus } from '../../events/event-bus.ts';
import { describeScope } from '../../investigations/describe-scope.ts';
import type { TimelineSequencer } from '../../investigations/timeline-sequencer.ts';
import type { OpsWorkerMetrics } from '../../metrics/opsworker-metrics.ts';
import type { InvestigationJob } from '../../queue/queue.ts';
import type { BlobStore, Store } from '../../store/store.ts';
import { ClusterUnreachableError } from '../collect/collect-errors.ts';
import type { CollectedEvidence } from '../collect/collect-evidence.ts';
import type { CollectionBudget } from '../collect/collection-budget.ts';
import { type Enrich, type EnrichContext, runEnrich } from './enrich.ts';
import { InvestigationRecords } from './investigation-records.ts';
import { NoClusterError } from './kubeconfig-agent.ts';
import { outcomeOf } from './outcome.ts';
import {
  collectedMessage,
  completedMessage,
  evidenceData,
  evidenceMessage,
  findingData,
  reportData,
  reportMessage,
} from './timeline-messages.ts';
import { TimelineWriter } from './timeline-writer.ts';

export interface InvestigationWorkerDeps {
  store: Store;
  blobs: BlobStore;
  bus: EventBus;
  metrics: OpsWorkerMetrics;
  sequencer: TimelineSequencer;
  /** The agent of the investigation's cluster; throws a user-facing error when there is none. */
  agentFor: (investigation: Investigation) => Promise<AgentTransport>;
  /** The optional LLM stage, run after the deterministic report. */
  enrich?: Enrich;
  budget?: Partial<CollectionBudget>;
  /** Said when the cluster does not answer: how to point OpsWorker at one. */
  unreachableHint?: string;
  log?: (message: string, error?: unknown) => void;
  now?: () => Date;
}

/** Errors a retry cannot fix: the investigation fails at once with their user message. */
const FINAL_ERRORS = [NoClusterError, ClusterUnreachableError];
const MAX_ALERTS_READ = 20;
const FINDINGS_SHOWN = 5;

/**
 * Runs investigations off the queue: collect evidence through the agent, diagnose
 * deterministically, optionally enrich, store the report. Idempotent on the investigation id:
 * a completed or failed investigation is not redone, a `running` one (interrupted by a restart)
 * is. Every step is a timeline event, stored and published as it happens.
 */
export class InvestigationWorker {
  readonly #deps: InvestigationWorkerDeps;
  readonly #records: InvestigationRecords;
  readonly #running = new Set<string>();

  constructor(deps: InvestigationWorkerDeps) {
    this.#deps = deps;
    this.#records = new InvestigationRecords({
      store: deps.store,
      bus: deps.bus,
      ...(deps.now ? { now: deps.now } : {}),
    });
  }

  /** The queue's handler. Throws (so the queue retries) only for failures a retry may fix. */
  async handle(job: InvestigationJob): Promise<void> {
    // A second delivery while the first still runs (at-least-once queues) has nothing to add.
    if (this.#running.has(job.investigationId)) return;
    this.#running.add(job.investigationId);
    try {
      await this.#investigate(job);
    } finally {
      this.#running.delete(job.investigationId);
    }
  }

  /** The queue gave up retrying: the investigation fails with what can be said about the error. */
  async giveUp(job: InvestigationJob, error: unknown): Promise<void> {
    const investigation = await this.#deps.store.getInvestigation(job.orgId, job.investigationId);
    if (!investigation || investigation.status === 'completed' || investigation.status === 'failed') return;
    const timeline = this.#timeline(investigation);
    await this.#fail(investigation, error, timeline);
  }

  /** Stops guarding finished investigations against stale writes. */
  async close(): Promise<void> {
    await this.#records.idle();
    this.#records.close();
  }

  async #investigate(job: InvestigationJob): Promise<void> {
    const stored = await this.#deps.store.getInvestigation(job.orgId, job.investigationId);
    if (!stored || stored.status === 'completed' || stored.status === 'failed') return;
    const started = this.#now();
    const resumed = stored.status === 'running';
    const investigation =
      (await this.#records.update(stored.orgId, stored.id, {
        status: 'running',
        startedAt: started.toISOString(),
        error: undefined,
      })) ?? stored;
    const timeline = this.#timeline(investigation);
    timeline.emit(
      'started',
      `${resumed ? 'Investigation resumed after an interruption' : 'Investigation started'}: ${describeScope(investigation.scope)}${investigation.question ? ` — "${investigation.question}"` : ''}`,
    );
    try {
      await this.#run(investigation, timeline, started);
    } catch (error) {
      if (FINAL_ERRORS.some((type) => error instanceof type)) {
        await this.#fail(investigation, error, timeline);
        return;
      }
      timeline.emit('step', 'Interrupted by an internal error; the investigation will be retried');
      await timeline.flush().catch(() => {});
      throw error;
    } finally {
      this.#records.release(investigation.id);
    }
  }

  async #run(investigation: Investigation, timeline: TimelineWriter, started: Date): Promise<void> {
    const deps = this.#deps;
    const { collectEvidence, diagnose } = await engine();
    const transport = await deps.agentFor(investigation);
    const collected = await collectEvidence({
      scope: investigation.scope,
      ...(investigation.question ? { question: investigation.question } : {}),
      transport,
      blobs: deps.blobs,
      orgId: investigation.orgId,
      investigationId: investigation.id,
      ...(investigation.trigger.type === 'manual' && investigation.trigger.requestedBy
        ? { user: investigation.trigger.requestedBy }
        : {}),
      ...(deps.budget ? { budget: deps.budget } : {}),
      ...(deps.unreachableHint ? { unreachableHint: deps.unreachableHint } : {}),
      reporter: {
        step: (message) => timeline.emit('step', message),
        evidence: (records) => timeline.emit('evidence', evidenceMessage(records), evidenceData(records)),
      },
    });
    this.#reportCollection(collected, timeline);

    const alerts = await this.#alertsOf(investigation);
    const links = dedupeLinks(alerts.flatMap((alert) => alert.links));
    const diagnosis = diagnose(collected.bundle, links);
    for (const { analyzer, error } of diagnosis.analyzerErrors)
      deps.log?.(`analyzer ${analyzer} failed on ${investigation.id}`, error);
    const { rootCause, contributing } = diagnosis.correlation;
    for (const finding of [rootCause, ...contributing].slice(0, FINDINGS_SHOWN)) {
      if (finding.category !== 'no_problem_found')
        timeline.emit('finding', finding.statement, findingData(finding));
    }
    timeline.emit('report', reportMessage(diagnosis.report), reportData(diagnosis.report, 'deterministic'));
    const { report, llm } = deps.enrich
      ? await this.#enrich(
          deps.enrich,
          {
            investigation,
            bundle: collected.bundle,
            findings: diagnosis.findings,
            report: diagnosis.report,
            alerts,
          },
          timeline,
        )
      : { report: diagnosis.report, llm: undefined };

    // Every step is stored before the investigation shows as completed; only `completed` follows it.
    await timeline.flush();
    const completedAt = this.#now();
    const outcome = outcomeOf(report);
    await this.#records.update(investigation.orgId, investigation.id, {
      status: 'completed',
      completedAt: completedAt.toISOString(),
      report,
      outcome,
      ...(llm ? { llm } : {}),
    });
    timeline.emit('completed', completedMessage(outcome, completedAt.getTime() - started.getTime()), {
      outcome,
      durationMs: completedAt.getTime() - started.getTime(),
      operations: collected.stats.operations,
    });
    await timeline.flush();
    this.#finished(investigation, 'completed', outcome, completedAt);
  }

  /** The optional LLM stage, after the deterministic report is stored: its report, or the deterministic one. */
  async #enrich(
    enrich: Enrich,
    context: EnrichContext & { alerts: Alert[] },
    timeline: TimelineWriter,
  ): Promise<{ report: Report; llm: Investigation['llm'] }> {
    const { investigation, report } = context;
    // Stored first: the deterministic answer is there in well under a second, whatever the model does.
    await this.#records.update(investigation.orgId, investigation.id, { report, outcome: outcomeOf(report) });
    timeline.emit('step', 'Asking the AI stage to refine the report');
    const enriched = await runEnrich(enrich, context);
    if (enriched.failure) {
      this.#deps.log?.(`LLM stage failed on ${investigation.id}`, enriched.error);
      timeline.emit('step', enriched.failure, { llm: 'failed' });
    } else if (enriched.report !== report) {
      timeline.emit('report', reportMessage(enriched.report), reportData(enriched.report, 'llm'));
    }
    return { report: enriched.report, llm: enriched.usage };
  }

  #reportCollection(collected: CollectedEvidence, timeline: TimelineWriter): void {
    for (const missing of collected.missing) timeline.emit('step', `Not found: ${missing}`);
    timeline.emit('step', collectedMessage(collected.stats, collected.bundle.evidence), {
      ...collected.stats,
    });
  }

  async #fail(investigation: Investigation, error: unknown, timeline: TimelineWriter): Promise<void> {
    const message =
      error instanceof OpsWorkerError
        ? error.userMessage
        : 'OpsWorker failed unexpectedly while investigating (the details are in the server log). Re-run the investigation to try again.';
    if (!(error instanceof OpsWorkerError))
      this.#deps.log?.(`investigation ${investigation.id} failed`, error);
    const at = this.#now();
    await this.#records.update(investigation.orgId, investigation.id, {
      status: 'failed',
      completedAt: at.toISOString(),
      outcome: 'failed',
      error: message,
    });
    timeline.emit('failed', message, { error: message });
    await timeline.flush();
    this.#finished(investigation, 'failed', 'failed', at);
  }

  #finished(investigation: Investigation, status: string, outcome: string, at: Date): void {
    this.#deps.metrics.investigationsFinished.inc({ status, outcome });
    this.#deps.metrics.investigationSeconds.observe(
      (at.getTime() - Date.parse(investigation.createdAt)) / 1000,
    );
  }

  async #alertsOf(investigation: Investigation): Promise<Alert[]> {
    const ids = investigation.alertIds.slice(0, MAX_ALERTS_READ);
    const alerts = await Promise.all(ids.map((id) => this.#deps.store.getAlert(investigation.orgId, id)));
    return alerts.filter((alert): alert is Alert => alert !== undefined);
  }

  #timeline(investigation: Investigation): TimelineWriter {
    return new TimelineWriter({
      store: this.#deps.store,
      bus: this.#deps.bus,
      sequencer: this.#deps.sequencer,
      orgId: investigation.orgId,
      investigationId: investigation.id,
      ...(this.#deps.now ? { now: this.#deps.now } : {}),
    });
  }

  #now(): Date {
    return (this.#deps.now ?? (() => new Date()))();
  }
}

function dedupeLinks(links: Report['links']): Report['links'] {
  const seen = new Set<string>();
  return links.filter((link) => !seen.has(link.url) && seen.add(link.url));
}

/**
 * The collectors and analyzers, loaded with the first investigation rather than at start-up:
 * a server that has not investigated yet need not spend a tenth of a second importing them.
 */
async function engine() {
  const [{ collectEvidence }, { diagnose }] = await Promise.all([
    import('../collect/collect-evidence.ts'),
    import('./diagnose.ts'),
  ]);
  return { collectEvidence, diagnose };
}
