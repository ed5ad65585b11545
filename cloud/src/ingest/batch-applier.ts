import type { Alert, Investigation, NormalizedAlert, RuleDecision, TimelineEvent } from '@opsworker/shared';
import { makeId } from '../ids/make-id.ts';
import { describeScope } from '../investigations/describe-scope.ts';
import { groupKeyFor } from '../investigations/group-key.ts';
import { timelineEvent } from '../investigations/timeline-event.ts';
import type { TimelineSequencer } from '../investigations/timeline-sequencer.ts';
import type { RuleBook } from '../org-rules/rule-book.ts';
import { decide } from '../rules/decide.ts';
import type { Store, StoreChanges } from '../store/store.ts';
import type { JournalEntry } from './ingest-journal.ts';

export interface BatchApplierDeps {
  store: Store;
  rules: RuleBook;
  /** Alerts about the same object attach to an investigation opened less than this long ago. */
  groupWindowMs: number;
  /** Shared with the investigation worker: one sequence per timeline. */
  sequencer: TimelineSequencer;
}

/**
 * Applies journal entries to a working copy of the records they touch: dedup by fingerprint,
 * resolution, rule decisions and grouping. `changes()` is then written in one go. Every id it
 * creates is derived from the entry's sequence number, so applying an entry twice (a replay
 * after a crash) changes nothing the first application already wrote.
 */
export class BatchApplier {
  readonly #deps: BatchApplierDeps;
  readonly #alerts = new Map<string, Alert>();
  readonly #alertsById = new Map<string, Alert>();
  readonly #investigations = new Map<string, Investigation>();
  readonly #decisions: RuleDecision[] = [];
  readonly #timeline: TimelineEvent[] = [];
  readonly #openedHere: Investigation[] = [];

  constructor(deps: BatchApplierDeps) {
    this.#deps = deps;
  }

  /**
   * Applies an entry; returns a promise only when it has to wait on the store. In a storm most
   * entries repeat an alert this batch already holds, firing: those are counted at once, with
   * no lookup to wait for.
   */
  apply(entry: JournalEntry): Promise<void> | undefined {
    const { alerts } = entry;
    for (let index = 0; index < alerts.length; index++) {
      const incoming = alerts[index]!;
      const held = this.#alerts.get(`${entry.orgId}|${incoming.fingerprint}`);
      if (!held || !isFiringRepeat(held, incoming)) return this.#applyFrom(entry, index);
      countRepeat(held, entry, incoming);
    }
    return undefined;
  }

  async #applyFrom(entry: JournalEntry, start: number): Promise<void> {
    const { alerts } = entry;
    for (let index = start; index < alerts.length; index++)
      await this.#applyAlert(entry, index, alerts[index]!);
  }

  changes(): Required<StoreChanges> {
    return {
      alerts: [...this.#alerts.values()],
      decisions: this.#decisions,
      investigations: [...this.#investigations.values()],
      timeline: this.#timeline,
    };
  }

  /** Investigations this batch opened: they go on the queue once the batch is stored. */
  opened(): Investigation[] {
    return this.#openedHere;
  }

  async #applyAlert(entry: JournalEntry, index: number, incoming: NormalizedAlert): Promise<void> {
    const { orgId } = entry;
    const key = `${entry.seq}.${index}`;
    const fromBatch = this.#alerts.get(`${orgId}|${incoming.fingerprint}`);
    const existing = fromBatch ?? (await this.#deps.store.getAlertByFingerprint(orgId, incoming.fingerprint));
    // Only a stored alert can show that this delivery was applied before (a replay); the same
    // alert twice in one delivery (firing, then resolved) is applied twice.
    if (!fromBatch && existing && existing.lastReceipt >= entry.seq) return;

    if (incoming.status === 'resolved') {
      await this.#resolve(entry, key, incoming, existing);
      return;
    }
    if (existing && isFiringRepeat(existing, incoming)) {
      // This batch's own copy is updated in place (the stored one never is).
      const counted = fromBatch ?? { ...existing };
      countRepeat(counted, entry, incoming);
      if (!fromBatch) this.#putAlert(counted);
      return;
    }

    const alert: Alert = existing
      ? {
          ...existing,
          ...latestContent(incoming),
          status: 'firing',
          resolvedAt: undefined,
          endsAt: undefined,
          receivedCount: existing.receivedCount + 1,
          lastSeenAt: entry.receivedAt,
          lastReceipt: entry.seq,
        }
      : {
          ...incoming,
          id: makeId('alert', new Date(entry.receivedAt), `alert.${key}`),
          orgId,
          receivedCount: 1,
          firstSeenAt: entry.receivedAt,
          lastSeenAt: entry.receivedAt,
          lastReceipt: entry.seq,
        };
    await this.#decideAndGroup(entry, key, alert);
  }

  async #decideAndGroup(entry: JournalEntry, key: string, alert: Alert): Promise<void> {
    const { orgId } = entry;
    const at = new Date(entry.receivedAt);
    const groupKey = groupKeyFor(alert.scope, alert.fingerprint);
    const compiled = await this.#deps.rules.compiled(orgId);
    // On a replay, the investigation this very entry opened must not count as a reason to
    // group or cool down: the decision has to come out as it did the first time.
    const ownId = investigationIdFor(entry, key);
    const replayed = await this.#investigation(orgId, ownId);
    const related = (await this.#related(orgId, groupKey, at)).filter((inv) => inv.id !== ownId);
    const decision = decide(compiled, alert, {
      now: at,
      lastInvestigationAt: (ruleId) => {
        const last = related.find((inv) => inv.trigger.type === 'alert' && inv.trigger.ruleId === ruleId);
        return last ? new Date(last.createdAt) : undefined;
      },
    });
    const rule = compiled.rules.find((candidate) => candidate.id === decision.ruleId);
    const record: RuleDecision = {
      id: makeId('dec', at, `dec.${key}`),
      orgId,
      alertId: alert.id,
      fingerprint: alert.fingerprint,
      at: entry.receivedAt,
      action: decision.action,
      ruleId: decision.ruleId,
      ruleName: decision.ruleName,
      reason: decision.reason,
      grouped: false,
    };

    // An investigating rule groups even when its cooldown turned the decision into a notice:
    // the cooldown exists because an investigation is open, and that is where the alert belongs.
    const open = rule?.action === 'investigate' ? related.find((inv) => this.#isOpen(inv, at)) : undefined;
    if (open) {
      await this.#attach(entry, key, alert, open);
      Object.assign(record, {
        action: 'investigate',
        grouped: true,
        investigationId: open.id,
        reason: `${decision.reason}. Grouped into the open investigation for ${describeScope(open.scope)}`,
      });
    } else if (decision.action === 'investigate') {
      const opened = await this.#open(entry, key, alert, groupKey, decision.ruleId, record.reason, replayed);
      record.investigationId = opened.id;
    }
    this.#decisions.push(record);
    this.#putAlert({
      ...alert,
      decisionId: record.id,
      investigationId: record.investigationId ?? alert.investigationId,
    });
  }

  async #open(
    entry: JournalEntry,
    key: string,
    alert: Alert,
    groupKey: string,
    ruleId: string | undefined,
    reason: string,
    replayed: Investigation | undefined,
  ): Promise<Investigation> {
    const at = new Date(entry.receivedAt);
    const id = investigationIdFor(entry, key);
    // A replay after a crash: this entry already opened it, and the worker may have moved it on.
    if (replayed) return replayed;
    const investigation: Investigation = {
      id,
      orgId: entry.orgId,
      status: 'queued',
      title: alert.title,
      severity: alert.severity,
      scope: alert.scope,
      trigger: {
        type: 'alert',
        alertId: alert.id,
        fingerprint: alert.fingerprint,
        source: alert.source,
        ruleId,
      },
      alertIds: [alert.id],
      groupKey,
      createdAt: entry.receivedAt,
      updatedAt: entry.receivedAt,
      receipt: entry.seq,
    };
    this.#investigations.set(investigation.id, investigation);
    this.#openedHere.push(investigation);
    this.#deps.sequencer.startAt(investigation.id, 0);
    await this.#addEvent(
      investigation,
      at,
      'created',
      `Investigation queued for ${describeScope(alert.scope)}: ${reason}`,
      { alertId: alert.id },
      `r${key}.created`,
    );
    return investigation;
  }

  async #attach(entry: JournalEntry, key: string, alert: Alert, investigation: Investigation): Promise<void> {
    const at = new Date(entry.receivedAt);
    const alertIds = investigation.alertIds.includes(alert.id)
      ? investigation.alertIds
      : [...investigation.alertIds, alert.id];
    const updated = { ...investigation, alertIds, updatedAt: entry.receivedAt };
    this.#investigations.set(updated.id, updated);
    await this.#addEvent(
      updated,
      at,
      'alert_attached',
      `Alert grouped: ${alert.title}`,
      { alertId: alert.id, fingerprint: alert.fingerprint },
      `r${key}.attached`,
    );
  }

  async #resolve(
    entry: JournalEntry,
    key: string,
    incoming: NormalizedAlert,
    existing: Alert | undefined,
  ): Promise<void> {
    const resolvedAt = incoming.endsAt ?? entry.receivedAt;
    if (!existing) {
      // A resolution for an alert we never saw firing: keep it, there is nothing to decide.
      const at = new Date(entry.receivedAt);
      this.#putAlert({
        ...incoming,
        id: makeId('alert', at, `alert.${key}`),
        orgId: entry.orgId,
        receivedCount: 1,
        firstSeenAt: entry.receivedAt,
        lastSeenAt: entry.receivedAt,
        lastReceipt: entry.seq,
        resolvedAt,
      });
      return;
    }
    const wasFiring = existing.status === 'firing';
    const alert: Alert = {
      ...existing,
      ...latestContent(incoming),
      status: 'resolved',
      resolvedAt: wasFiring ? resolvedAt : (existing.resolvedAt ?? resolvedAt),
      receivedCount: existing.receivedCount + 1,
      lastSeenAt: entry.receivedAt,
      lastReceipt: entry.seq,
    };
    this.#putAlert(alert);
    if (!wasFiring || !alert.investigationId) return;

    const investigation = await this.#investigation(entry.orgId, alert.investigationId);
    if (!investigation || investigation.resolvedAt) return;
    const at = new Date(entry.receivedAt);
    await this.#addEvent(
      investigation,
      at,
      'resolved',
      `Alert resolved: ${alert.title}`,
      { alertId: alert.id },
      `r${key}.resolved`,
    );
    const stillFiring = await this.#anyFiring(entry.orgId, investigation.alertIds);
    const updated = { ...investigation, updatedAt: entry.receivedAt, ...(stillFiring ? {} : { resolvedAt }) };
    this.#investigations.set(updated.id, updated);
    if (!stillFiring)
      await this.#addEvent(
        updated,
        at,
        'resolved',
        `All ${updated.alertIds.length} alert(s) resolved`,
        { resolvedAt },
        `r${key}.all-resolved`,
      );
  }

  #isOpen(investigation: Investigation, at: Date): boolean {
    return (
      !investigation.resolvedAt &&
      at.getTime() - Date.parse(investigation.createdAt) < this.#deps.groupWindowMs
    );
  }

  /** Investigations for the group key (this batch's first), newest first, back as far as any cooldown or window reaches. */
  async #related(orgId: string, groupKey: string, at: Date): Promise<Investigation[]> {
    const since = new Date(at.getTime() - Math.max(this.#deps.groupWindowMs, 7 * 24 * 3600_000));
    const stored = await this.#deps.store.findInvestigationsByGroupKey(orgId, groupKey, since);
    const fresh = stored.map((inv) => this.#investigations.get(inv.id) ?? inv);
    const here = this.#openedHere.filter(
      (inv) => inv.orgId === orgId && inv.groupKey === groupKey && !fresh.some((f) => f.id === inv.id),
    );
    return [...here.reverse().map((inv) => this.#investigations.get(inv.id)!), ...fresh];
  }

  async #anyFiring(orgId: string, alertIds: string[]): Promise<boolean> {
    for (const id of alertIds) {
      const alert = this.#alertsById.get(id) ?? (await this.#deps.store.getAlert(orgId, id));
      if (alert?.status === 'firing') return true;
    }
    return false;
  }

  #putAlert(alert: Alert): void {
    this.#alerts.set(`${alert.orgId}|${alert.fingerprint}`, alert);
    this.#alertsById.set(alert.id, alert);
  }

  async #investigation(orgId: string, id: string): Promise<Investigation | undefined> {
    return this.#investigations.get(id) ?? (await this.#deps.store.getInvestigation(orgId, id));
  }

  async #addEvent(
    investigation: Investigation,
    at: Date,
    type: TimelineEvent['type'],
    message: string,
    data: Record<string, unknown>,
    key: string,
  ): Promise<void> {
    const seq = await this.#deps.sequencer.next(investigation.orgId, investigation.id);
    this.#timeline.push(
      timelineEvent({
        orgId: investigation.orgId,
        investigationId: investigation.id,
        seq,
        at,
        type,
        message,
        data,
        key,
      }),
    );
  }
}

function investigationIdFor(entry: JournalEntry, key: string): string {
  return makeId('inv', new Date(entry.receivedAt), `inv.${key}`);
}

/** The same alert again while it fires: it is counted, and opens nothing. */
function isFiringRepeat(existing: Alert, incoming: NormalizedAlert): boolean {
  return existing.status === 'firing' && incoming.status !== 'resolved';
}

function countRepeat(counted: Alert, entry: JournalEntry, incoming: NormalizedAlert): void {
  copyLatestContent(counted, incoming);
  counted.receivedCount += 1;
  counted.lastSeenAt = entry.receivedAt;
  counted.lastReceipt = entry.seq;
}

/** What a repeated notification may update: the newest text, labels and links win. */
function latestContent(alert: NormalizedAlert): Partial<NormalizedAlert> {
  return copyLatestContent({}, alert);
}

function copyLatestContent<T extends Partial<NormalizedAlert>>(target: T, alert: NormalizedAlert): T {
  target.title = alert.title;
  target.description = alert.description;
  target.labels = alert.labels;
  target.annotations = alert.annotations;
  target.links = alert.links;
  target.severity = alert.severity;
  return target;
}
