import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Alert,
  type ChatMessage,
  type Investigation,
  type Organization,
  type Rule,
  type RuleDecision,
  type TimelineEvent,
  ValidationError,
} from '@opsworker/shared';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { takePage } from '../cursor.ts';
import {
  alertMatches,
  countByStatusAndOutcome,
  type InvestigationCount,
  investigationMatches,
} from '../query-filters.ts';
import type { AlertQuery, InvestigationQuery, Page, Store, StoreChanges } from '../store.ts';
import { OrgCollections } from './org-collections.ts';

const ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ORGS_RECHECK_MS = 200;

interface OrganizationsFile {
  organizations: Organization[];
}

/**
 * The embedded store: lowdb files under the data dir, one folder per organization, each
 * collection split into bounded segments (see SegmentedCollection). Reads are served from memory.
 */
export class LocalStore implements Store {
  readonly #dir: string;
  readonly #segmentSize: number | undefined;
  readonly #orgsDb: Low<OrganizationsFile>;
  readonly #orgsPath: string;
  #orgsMtime = Number.NaN;
  #orgsCheckedAt = 0;
  #orgsByTokenHash = new Map<string, { org: Organization; kind: 'webhook' | 'api' }>();
  readonly #orgs = new Map<string, Promise<OrgCollections>>();

  constructor(dataDir: string, options: { segmentSize?: number } = {}) {
    this.#dir = dataDir;
    this.#segmentSize = options.segmentSize;
    this.#orgsPath = join(dataDir, 'organizations.json');
    const adapter = new DataFile<OrganizationsFile>(this.#orgsPath, {
      parse: JSON.parse,
      stringify: (data) => JSON.stringify(data, null, 2),
    });
    this.#orgsDb = new Low(adapter, { organizations: [] });
  }

  #collections(orgId: string): Promise<OrgCollections> {
    // The id becomes a folder name: never let one climb out of the data dir.
    if (!ORG_ID.test(orgId))
      return Promise.reject(new ValidationError(`organization id "${orgId}" is not valid`));
    let collections = this.#orgs.get(orgId);
    if (!collections) {
      const created = new OrgCollections(join(this.#dir, 'orgs', orgId), this.#segmentSize);
      collections = created.load().then(() => created);
      this.#orgs.set(orgId, collections);
    }
    return collections;
  }

  /**
   * Organizations, re-read whenever the file changed: the CLI may add an organization or
   * rotate tokens while the server runs, and that must take effect at once.
   */
  async listOrganizations(): Promise<Organization[]> {
    if (this.#organizationsMayHaveChanged()) await this.#refreshOrganizations();
    return [...this.#orgsDb.data.organizations];
  }

  /**
   * A stat per request is measurable under load; another process changing the file is noticed
   * within this interval (changes made through this store are seen at once). Checked before
   * calling the refresh: every webhook delivery authenticates through here.
   */
  #organizationsMayHaveChanged(): boolean {
    return Date.now() - this.#orgsCheckedAt >= ORGS_RECHECK_MS;
  }

  async #refreshOrganizations(): Promise<void> {
    this.#orgsCheckedAt = Date.now();
    let mtime = -1;
    try {
      mtime = statSync(this.#orgsPath).mtimeMs;
    } catch {
      // No file yet: no organizations.
    }
    if (mtime === this.#orgsMtime) return;
    await this.#orgsDb.read();
    this.#orgsMtime = mtime;
    this.#orgsByTokenHash = new Map();
    for (const org of this.#orgsDb.data.organizations) {
      this.#orgsByTokenHash.set(org.webhookTokenHash, { org, kind: 'webhook' });
      this.#orgsByTokenHash.set(org.apiTokenHash, { org, kind: 'api' });
    }
  }

  async findOrganizationByTokenHash(
    hash: string,
  ): Promise<{ org: Organization; kind: 'webhook' | 'api' } | undefined> {
    if (this.#organizationsMayHaveChanged()) await this.#refreshOrganizations();
    return this.#orgsByTokenHash.get(hash);
  }

  async getOrganization(orgId: string): Promise<Organization | undefined> {
    return (await this.listOrganizations()).find((org) => org.id === orgId);
  }

  async putOrganization(org: Organization): Promise<void> {
    await this.#orgsDb.read();
    const others = this.#orgsDb.data.organizations.filter((existing) => existing.id !== org.id);
    this.#orgsDb.data.organizations = [...others, org];
    await this.#orgsDb.write();
    this.#orgsMtime = Number.NaN;
    this.#orgsCheckedAt = 0;
  }

  async getAlert(orgId: string, id: string): Promise<Alert | undefined> {
    return (await this.#collections(orgId)).alerts.get(id);
  }

  async getAlertByFingerprint(orgId: string, fingerprint: string): Promise<Alert | undefined> {
    const org = await this.#collections(orgId);
    const id = org.alertIdByFingerprint.get(fingerprint);
    return id === undefined ? undefined : org.alerts.get(id);
  }

  async listAlerts(orgId: string, query: AlertQuery): Promise<Page<Alert>> {
    const org = await this.#collections(orgId);
    return takePage(org.alerts.valuesNewestFirst(), {
      limit: query.limit,
      cursor: query.cursor,
      filter: alertMatches(query),
    });
  }

  async listDecisions(orgId: string, query: { alertId?: string; limit: number }): Promise<RuleDecision[]> {
    const org = await this.#collections(orgId);
    return takePage(org.decisions.valuesNewestFirst(), {
      limit: query.limit,
      filter: (decision) => !query.alertId || decision.alertId === query.alertId,
    }).items;
  }

  async getInvestigation(orgId: string, id: string): Promise<Investigation | undefined> {
    return (await this.#collections(orgId)).investigations.get(id);
  }

  async listInvestigations(orgId: string, query: InvestigationQuery): Promise<Page<Investigation>> {
    const org = await this.#collections(orgId);
    return takePage(org.investigations.valuesNewestFirst(), {
      limit: query.limit,
      cursor: query.cursor,
      filter: investigationMatches(query),
    });
  }

  async listUnfinishedInvestigations(orgId: string): Promise<Investigation[]> {
    const org = await this.#collections(orgId);
    return [...org.investigations.values()].filter(
      (inv) => inv.status === 'queued' || inv.status === 'running',
    );
  }

  async putInvestigation(investigation: Investigation): Promise<void> {
    const org = await this.#collections(investigation.orgId);
    org.indexInvestigation(investigation);
    await org.investigations.put(investigation);
  }

  async countInvestigations(orgId: string): Promise<InvestigationCount[]> {
    return countByStatusAndOutcome((await this.#collections(orgId)).investigations.values());
  }

  async findInvestigationsByGroupKey(orgId: string, groupKey: string, since: Date): Promise<Investigation[]> {
    const org = await this.#collections(orgId);
    const ids = org.investigationIdsByGroup.get(groupKey) ?? [];
    const found: Investigation[] = [];
    for (let i = ids.length - 1; i >= 0; i--) {
      const investigation = org.investigations.get(ids[i]!);
      if (!investigation) continue;
      if (Date.parse(investigation.createdAt) < since.getTime()) break;
      found.push(investigation);
    }
    return found;
  }

  async listTimeline(orgId: string, investigationId: string, afterSeq = 0): Promise<TimelineEvent[]> {
    const events = (await this.#collections(orgId)).timelineByInvestigation.get(investigationId) ?? [];
    return events.filter((event) => event.seq > afterSeq);
  }

  async listMessages(orgId: string, investigationId: string): Promise<ChatMessage[]> {
    const org = await this.#collections(orgId);
    return [...org.messages.values()].filter((message) => message.investigationId === investigationId);
  }

  async putMessages(messages: ChatMessage[]): Promise<void> {
    const byOrg = Map.groupBy(messages, (message) => message.orgId);
    await Promise.all(
      [...byOrg].map(async ([orgId, list]) => (await this.#collections(orgId)).messages.putMany(list)),
    );
  }

  async listRules(orgId: string): Promise<Rule[]> {
    return [...(await this.#collections(orgId)).rules.values()];
  }

  async getRule(orgId: string, id: string): Promise<Rule | undefined> {
    return (await this.#collections(orgId)).rules.get(id);
  }

  async putRule(rule: Rule): Promise<void> {
    await (await this.#collections(rule.orgId)).rules.put(rule);
  }

  async deleteRule(orgId: string, id: string): Promise<boolean> {
    return (await this.#collections(orgId)).rules.delete(id);
  }

  async apply(changes: StoreChanges): Promise<void> {
    const byOrg = new Map<string, Required<StoreChanges>>();
    const bucket = (orgId: string) => {
      let changesForOrg = byOrg.get(orgId);
      if (!changesForOrg) {
        changesForOrg = { alerts: [], decisions: [], investigations: [], timeline: [] };
        byOrg.set(orgId, changesForOrg);
      }
      return changesForOrg;
    };
    for (const alert of changes.alerts ?? []) bucket(alert.orgId).alerts.push(alert);
    for (const decision of changes.decisions ?? []) bucket(decision.orgId).decisions.push(decision);
    for (const inv of changes.investigations ?? []) bucket(inv.orgId).investigations.push(inv);
    for (const event of changes.timeline ?? []) bucket(event.orgId).timeline.push(event);

    await Promise.all(
      [...byOrg].map(async ([orgId, orgChanges]) => {
        const org = await this.#collections(orgId);
        for (const alert of orgChanges.alerts) org.indexAlert(alert);
        for (const investigation of orgChanges.investigations) org.indexInvestigation(investigation);
        const newEvents = orgChanges.timeline.filter((event) => org.indexEvent(event));
        // Alerts last: an alert's `lastReceipt` tells a replay after a crash that its delivery
        // was applied, so it must not reach the disk before what the delivery opened.
        await Promise.all([
          org.decisions.putMany(orgChanges.decisions),
          org.investigations.putMany(orgChanges.investigations),
          org.timeline.putMany(newEvents),
        ]);
        await org.alerts.putMany(orgChanges.alerts);
      }),
    );
  }
}
