import type { Investigation, OrgEvent, TimelineEvent } from '@opsworker/shared';
import type { LinkOptions } from '../blocks/investigation-links.ts';
import { buildInvestigationMessage } from '../blocks/investigation-message.ts';
import { isThreadStep, threadStepLine } from '../blocks/thread-steps.ts';
import type { SlackDelivery } from '../slack-client/slack-delivery.ts';
import type { InvestigationMessageRecord, SlackState } from '../state/slack-state.ts';

export interface SlackNotifierOptions {
  state: SlackState;
  delivery: Pick<SlackDelivery, 'enqueue'>;
  /** The channel for a new investigation's message; undefined: do not post it. */
  channelFor: (investigation: Investigation) => Promise<string | undefined>;
  /** Fetches an investigation the notifier has not seen yet (a timeline event after a restart). */
  getInvestigation?: ((id: string) => Promise<Investigation | undefined>) | undefined;
  links?: LinkOptions | undefined;
  log?: ((message: string) => void) | undefined;
  now?: (() => number) | undefined;
}

interface Tracked {
  investigation: Investigation;
  lastStep?: string | undefined;
  /** Thread lines of an investigation waiting for `attach` (started from Slack). */
  heldLines?: string[] | undefined;
}

/** Investigations older than this get no new message (e.g. a late feedback on last week's). */
const NEW_MESSAGE_MAX_AGE_MS = 60 * 60_000;
/** Steps that say what the investigation is doing now; shown in the message while it runs. */
const PROGRESS_TYPES = new Set(['started', 'step', 'finding']);

/**
 * Slack's view of investigations: one message per investigation in its routed channel, updated
 * in place (the delivery loop spaces updates and always ends with the latest state), key steps
 * and grouped alerts in its thread. Investigations started from Slack (requested by
 * `slack:<user>`) wait for `attach` to say where their message goes.
 */
export class SlackNotifier {
  readonly #options: SlackNotifierOptions;
  readonly #tracked = new Map<string, Tracked>();
  readonly #ignored = new Set<string>();
  #chain: Promise<void> = Promise.resolve();

  constructor(options: SlackNotifierOptions) {
    this.#options = options;
  }

  /** Handles one event; events are applied in the order given, one at a time. */
  handle(event: OrgEvent): Promise<void> {
    const next = this.#chain
      .then(() => this.#apply(event))
      .catch((error: unknown) => {
        this.#options.log?.(
          `Slack notifier could not apply a ${event.type} event: ${(error as Error).message}`,
        );
      });
    this.#chain = next;
    return next;
  }

  /**
   * Puts an investigation started from Slack where it was asked: as a reply in `threadTs`, or
   * as a new message in `channel`. Its message follows the same life as any other.
   */
  attach(
    investigation: Investigation,
    where: { channel: string; threadTs?: string | undefined },
  ): Promise<void> {
    const next = this.#chain.then(async () => {
      const tracked = this.#track(investigation);
      await this.#options.state.updateMessage(
        investigation.id,
        (current) => current ?? this.#newRecord(investigation.id, where.channel, tracked, where.threadTs),
      );
      await this.#options.delivery.enqueue({
        kind: 'investigation_message',
        investigationId: investigation.id,
      });
      const lines = tracked.heldLines ?? [];
      tracked.heldLines = undefined;
      if (lines.length)
        await this.#options.delivery.enqueue({
          kind: 'thread_lines',
          investigationId: investigation.id,
          lines,
        });
    });
    this.#chain = next.catch(() => {});
    return next;
  }

  /**
   * Reads the investigation again and re-renders its message now: after a feedback or an
   * acknowledgement from Slack, the clicker sees who rated or took it without waiting for the
   * event stream (the Slack functions in the cloud have none). Applying it twice is harmless.
   */
  async refresh(investigationId: string): Promise<void> {
    const investigation = await this.#options.getInvestigation?.(investigationId);
    if (investigation) await this.handle({ type: 'investigation', investigation });
  }

  async #apply(event: OrgEvent): Promise<void> {
    if (event.type === 'investigation') {
      const known = this.#tracked.get(event.investigation.id);
      let investigation: Investigation | undefined = event.investigation;
      // Events can cross (an acknowledgement and the worker's update), and the pipeline stamps a
      // resolution with when its webhook was received, which can be older than a write that
      // landed while it waited: an event that looks older is settled by the store, not dropped.
      if (known && known.investigation.updatedAt > investigation.updatedAt)
        investigation = await this.#options.getInvestigation?.(investigation.id);
      if (!investigation) return;
      this.#track(investigation);
      await this.#render(investigation.id);
      return;
    }
    if (event.type === 'timeline') await this.#onTimeline(event.event);
  }

  async #onTimeline(event: TimelineEvent): Promise<void> {
    if (this.#ignored.has(event.investigationId)) return;
    let tracked = this.#tracked.get(event.investigationId);
    if (!tracked) {
      const investigation = await this.#options.getInvestigation?.(event.investigationId);
      if (!investigation) return;
      tracked = this.#track(investigation);
    }
    if (PROGRESS_TYPES.has(event.type) && tracked.investigation.status !== 'completed')
      tracked.lastStep = event.message;
    const record = await this.#render(event.investigationId);
    if (!isThreadStep(event)) return;
    const line = threadStepLine(event);
    if (record) {
      await this.#options.delivery.enqueue({
        kind: 'thread_lines',
        investigationId: event.investigationId,
        lines: [line],
      });
    } else if (tracked.heldLines) tracked.heldLines.push(line);
  }

  #track(investigation: Investigation): Tracked {
    const tracked = this.#tracked.get(investigation.id) ?? { investigation };
    tracked.investigation = investigation;
    if (tracked.heldLines === undefined && isStartedFromSlack(investigation)) tracked.heldLines = [];
    this.#tracked.set(investigation.id, tracked);
    // Finished investigations seldom change again; the store has them if they do.
    if (this.#tracked.size > 500) this.#tracked.delete(this.#tracked.keys().next().value ?? '');
    return tracked;
  }

  /** Re-renders the message; creates it (routing a new investigation) when it has none yet. */
  async #render(investigationId: string): Promise<InvestigationMessageRecord | undefined> {
    const tracked = this.#tracked.get(investigationId);
    if (!tracked || this.#ignored.has(investigationId)) return undefined;
    const { state } = this.#options;
    let channel: string | undefined;
    if (!(await state.getMessage(investigationId))) {
      if (tracked.heldLines) return undefined; // waiting for attach
      channel = await this.#channelForNew(tracked.investigation);
      if (!channel) {
        this.#ignored.add(investigationId);
        return undefined;
      }
    }
    const rendered = this.#renderMessage(tracked);
    let changed = false;
    const record = await state.updateMessage(investigationId, (current) => {
      if (!current) {
        changed = true;
        return channel ? this.#newRecord(investigationId, channel, tracked) : undefined;
      }
      if (JSON.stringify(current.rendered) === JSON.stringify(rendered)) return undefined;
      changed = true;
      return { ...current, rendered, version: current.version + 1, touchedAt: this.#nowIso() };
    });
    if (changed) await this.#options.delivery.enqueue({ kind: 'investigation_message', investigationId });
    return record;
  }

  async #channelForNew(investigation: Investigation): Promise<string | undefined> {
    const now = this.#options.now?.() ?? Date.now();
    if (now - Date.parse(investigation.createdAt) > NEW_MESSAGE_MAX_AGE_MS) return undefined;
    // A re-run goes where the original went.
    const original = investigation.rerunOf
      ? await this.#options.state.getMessage(investigation.rerunOf)
      : undefined;
    return original?.channel ?? (await this.#options.channelFor(investigation));
  }

  #newRecord(
    investigationId: string,
    channel: string,
    tracked: Tracked,
    threadTs?: string,
  ): InvestigationMessageRecord {
    return {
      investigationId,
      channel,
      threadTs,
      rendered: this.#renderMessage(tracked),
      version: 1,
      deliveredVersion: 0,
      touchedAt: this.#nowIso(),
    };
  }

  #renderMessage(tracked: Tracked) {
    return buildInvestigationMessage(tracked.investigation, {
      ...this.#options.links,
      lastStep: tracked.lastStep,
      alertCount: tracked.investigation.alertIds.length,
    });
  }

  #nowIso(): string {
    return new Date(this.#options.now?.() ?? Date.now()).toISOString();
  }
}

/** `requestedBy` of an investigation a Slack user started: the notifier holds it for `attach`. */
export function slackRequester(userId: string): string {
  return `slack:${userId}`;
}

/** Investigations a Slack user started: the Slack app says where their message goes. */
export function isStartedFromSlack(investigation: Investigation): boolean {
  return (
    investigation.trigger.type === 'manual' &&
    Boolean(investigation.trigger.requestedBy?.startsWith('slack:'))
  );
}
