import { join } from 'node:path';
import type { Alert, ChatMessage, Investigation, Rule, RuleDecision, TimelineEvent } from '@opsworker/shared';
import { SegmentedCollection } from './segmented-collection.ts';

/**
 * One organization's records, each collection in its own folder under `orgs/<orgId>/`, with the
 * in-memory indexes the pipeline and the API look things up by.
 */
export class OrgCollections {
  readonly alerts: SegmentedCollection<Alert>;
  readonly decisions: SegmentedCollection<RuleDecision>;
  readonly investigations: SegmentedCollection<Investigation>;
  readonly timeline: SegmentedCollection<TimelineEvent>;
  readonly rules: SegmentedCollection<Rule>;
  readonly messages: SegmentedCollection<ChatMessage>;

  readonly alertIdByFingerprint = new Map<string, string>();
  readonly timelineByInvestigation = new Map<string, TimelineEvent[]>();
  /** Investigation ids per group key, oldest first. */
  readonly investigationIdsByGroup = new Map<string, string[]>();

  constructor(dir: string, segmentSize?: number) {
    const open = <T extends { id: string }>(name: string) =>
      new SegmentedCollection<T>(join(dir, name), { segmentSize });
    this.alerts = open('alerts');
    this.decisions = open('decisions');
    this.investigations = open('investigations');
    this.timeline = open('timeline');
    this.rules = open('rules');
    this.messages = open('messages');
  }

  async load(): Promise<void> {
    await Promise.all([
      this.alerts.load(),
      this.decisions.load(),
      this.investigations.load(),
      this.timeline.load(),
      this.rules.load(),
      this.messages.load(),
    ]);
    for (const alert of this.alerts.values()) this.alertIdByFingerprint.set(alert.fingerprint, alert.id);
    for (const event of this.timeline.values()) this.#indexEvent(event);
    for (const investigation of this.investigations.values()) this.#indexInvestigation(investigation);
  }

  /** Indexes an investigation about to be written, unless it is already stored (an update). */
  indexInvestigation(investigation: Investigation): void {
    if (!this.investigations.get(investigation.id)) this.#indexInvestigation(investigation);
  }

  #indexInvestigation(investigation: Investigation): void {
    const ids = this.investigationIdsByGroup.get(investigation.groupKey);
    if (ids) ids.push(investigation.id);
    else this.investigationIdsByGroup.set(investigation.groupKey, [investigation.id]);
  }

  indexAlert(alert: Alert): void {
    this.alertIdByFingerprint.set(alert.fingerprint, alert.id);
  }

  /** Indexes a timeline event unless an event with its id is already there (replays). */
  indexEvent(event: TimelineEvent): boolean {
    if (this.timeline.get(event.id)) return false;
    this.#indexEvent(event);
    return true;
  }

  #indexEvent(event: TimelineEvent): void {
    const events = this.timelineByInvestigation.get(event.investigationId);
    if (events) events.push(event);
    else this.timelineByInvestigation.set(event.investigationId, [event]);
  }
}
