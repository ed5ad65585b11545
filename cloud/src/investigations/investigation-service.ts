import type { Investigation, TimelineEvent } from '@opsworker/shared';
import { ManualInvestigationInput, NotFoundError, parseWith } from '@opsworker/shared';
import type { EventBus } from '../events/event-bus.ts';
import { makeId } from '../ids/make-id.ts';
import type { OpsWorkerMetrics } from '../metrics/opsworker-metrics.ts';
import type { InvestigationJob, Queue } from '../queue/queue.ts';
import type { InvestigationQuery, Page, Store } from '../store/store.ts';
import { describeScope } from './describe-scope.ts';
import { groupKeyFor } from './group-key.ts';
import { timelineEvent } from './timeline-event.ts';

export interface InvestigationServiceDeps {
  store: Store;
  queue: Queue<InvestigationJob>;
  bus: EventBus;
  metrics: OpsWorkerMetrics;
  now?: () => Date;
}

/** Reading investigations, starting them by hand, and re-queuing unfinished ones after a restart. */
export class InvestigationService {
  readonly #deps: InvestigationServiceDeps;

  constructor(deps: InvestigationServiceDeps) {
    this.#deps = deps;
  }

  async get(orgId: string, id: string): Promise<Investigation> {
    const investigation = await this.#deps.store.getInvestigation(orgId, id);
    if (!investigation) throw new NotFoundError(`investigation ${id} not found`);
    return investigation;
  }

  list(orgId: string, query: InvestigationQuery): Promise<Page<Investigation>> {
    return this.#deps.store.listInvestigations(orgId, query);
  }

  async timeline(orgId: string, id: string, afterSeq = 0): Promise<TimelineEvent[]> {
    await this.get(orgId, id);
    return this.#deps.store.listTimeline(orgId, id, afterSeq);
  }

  /** A manual investigation: a scope and an optional question, queued like any other. */
  async startManual(
    orgId: string,
    input: unknown,
    origin: { rerunOf?: string } = {},
  ): Promise<Investigation> {
    const request = parseWith(ManualInvestigationInput, input, 'investigation');
    const now = (this.#deps.now ?? (() => new Date()))();
    const id = makeId('inv', now);
    const investigation: Investigation = {
      id,
      orgId,
      status: 'queued',
      title: request.title ?? request.question ?? `Investigate ${describeScope(request.scope)}`,
      severity: request.severity,
      scope: request.scope,
      trigger: { type: 'manual', requestedBy: request.requestedBy },
      question: request.question,
      alertIds: [],
      groupKey: groupKeyFor(request.scope, id),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      ...(origin.rerunOf ? { rerunOf: origin.rerunOf } : {}),
    };
    const by = request.requestedBy ? ` by ${request.requestedBy}` : '';
    const created = timelineEvent({
      orgId,
      investigationId: id,
      seq: 1,
      at: now,
      type: 'created',
      message: `Investigation of ${describeScope(request.scope)} started${by}${request.question ? `: ${request.question}` : ''}`,
    });
    await this.#deps.store.apply({ investigations: [investigation], timeline: [created] });
    this.#deps.bus.publish(orgId, { type: 'investigation', investigation });
    this.#deps.bus.publish(orgId, { type: 'timeline', event: created });
    this.#deps.metrics.investigationsOpened.inc({ trigger: 'manual' });
    await this.#deps.queue.enqueue({ orgId, investigationId: id });
    return investigation;
  }

  /** Puts every queued or running investigation back on the queue (after a restart). */
  async requeueUnfinished(orgIds: string[]): Promise<number> {
    let count = 0;
    for (const orgId of orgIds) {
      for (const investigation of await this.#deps.store.listUnfinishedInvestigations(orgId)) {
        await this.#deps.queue.enqueue({ orgId, investigationId: investigation.id });
        count++;
      }
    }
    return count;
  }
}
