import {
  AcknowledgeInput,
  FeedbackInput,
  type Investigation,
  parseWith,
  RerunInput,
  type TimelineEventType,
} from '@opsworker/shared';
import type { EventBus } from '../events/event-bus.ts';
import type { Store } from '../store/store.ts';
import type { InvestigationService } from './investigation-service.ts';
import { timelineEvent } from './timeline-event.ts';
import type { TimelineSequencer } from './timeline-sequencer.ts';

const RATING_WORDS = {
  accurate: 'accurate',
  partially_accurate: 'partially accurate',
  needs_improvement: 'needs improvement',
} as const;

/**
 * What engineers do to an investigation from Slack, the desktop app or the API: rate its
 * report, acknowledge it, run it again. Each is stored with a timeline event so every surface
 * shows who did what.
 */
export class InvestigationActions {
  readonly #deps: {
    store: Store;
    bus: EventBus;
    sequencer: TimelineSequencer;
    investigations: InvestigationService;
    now: () => Date;
  };

  constructor(deps: {
    store: Store;
    bus: EventBus;
    sequencer: TimelineSequencer;
    investigations: InvestigationService;
    now?: () => Date;
  }) {
    this.#deps = { ...deps, now: deps.now ?? (() => new Date()) };
  }

  async feedback(orgId: string, id: string, input: unknown): Promise<Investigation> {
    const request = parseWith(FeedbackInput, input, 'feedback');
    const at = this.#deps.now();
    const by = request.by ? ` by ${request.by}` : '';
    return this.#change(orgId, id, at, 'feedback', `Report rated ${RATING_WORDS[request.rating]}${by}`, {
      feedback: { ...request, at: at.toISOString() },
    });
  }

  async acknowledge(orgId: string, id: string, input: unknown): Promise<Investigation> {
    const request = parseWith(AcknowledgeInput, input ?? {}, 'acknowledgement');
    const current = await this.#deps.investigations.get(orgId, id);
    // Acknowledging twice keeps the first: who took it, and when, is what matters.
    if (current.acknowledgedAt) return current;
    const at = this.#deps.now();
    return this.#change(orgId, id, at, 'step', `Acknowledged${request.by ? ` by ${request.by}` : ''}`, {
      acknowledgedAt: at.toISOString(),
      ...(request.by ? { acknowledgedBy: request.by } : {}),
    });
  }

  /** A new manual investigation of the same scope and question. */
  async rerun(orgId: string, id: string, input: unknown): Promise<Investigation> {
    const request = parseWith(RerunInput, input ?? {}, 're-run');
    const original = await this.#deps.investigations.get(orgId, id);
    return this.#deps.investigations.startManual(
      orgId,
      {
        scope: original.scope,
        title: original.title,
        severity: original.severity,
        ...(original.question ? { question: original.question } : {}),
        ...(request.requestedBy ? { requestedBy: request.requestedBy } : {}),
      },
      { rerunOf: original.id },
    );
  }

  async #change(
    orgId: string,
    id: string,
    at: Date,
    type: TimelineEventType,
    message: string,
    fields: Partial<Investigation>,
  ): Promise<Investigation> {
    // Read as late as possible: the worker and the pipeline write this record too.
    const current = await this.#deps.investigations.get(orgId, id);
    const updated: Investigation = { ...current, ...fields, updatedAt: at.toISOString() };
    const seq = await this.#deps.sequencer.next(orgId, id);
    const event = timelineEvent({ orgId, investigationId: id, seq, at, type, message, data: { ...fields } });
    await this.#deps.store.apply({ investigations: [updated], timeline: [event] });
    this.#deps.bus.publish(orgId, { type: 'investigation', investigation: updated });
    this.#deps.bus.publish(orgId, { type: 'timeline', event });
    return updated;
  }
}
