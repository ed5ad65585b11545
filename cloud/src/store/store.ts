import type {
  Alert,
  AlertSource,
  AlertStatus,
  ChatMessage,
  Investigation,
  InvestigationStatus,
  Organization,
  Rule,
  RuleDecision,
  Severity,
  TimelineEvent,
} from '@opsworker/shared';

/** A page of results, newest first; pass `nextCursor` back to get the next page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface AlertQuery {
  status?: AlertStatus;
  source?: AlertSource;
  limit: number;
  cursor?: string;
}

export interface InvestigationQuery {
  status?: InvestigationStatus;
  severity?: Severity;
  cluster?: string;
  namespace?: string;
  /** Case-insensitive search over title and resource name. */
  search?: string;
  limit: number;
  cursor?: string;
}

/** Everything one ingest step changed, written together (one rewrite per touched file). */
export interface StoreChanges {
  alerts?: Alert[];
  decisions?: RuleDecision[];
  investigations?: Investigation[];
  timeline?: TimelineEvent[];
}

/**
 * The persistence port. Every method is scoped by organization: no call can read or write
 * another organization's records. Local adapter: lowdb files; cloud adapter: DynamoDB.
 */
export interface Store {
  listOrganizations(): Promise<Organization[]>;
  getOrganization(orgId: string): Promise<Organization | undefined>;
  putOrganization(org: Organization): Promise<void>;
  /** The organization holding a token with this hash, and which token it is. Always current. */
  findOrganizationByTokenHash(
    hash: string,
  ): Promise<{ org: Organization; kind: 'webhook' | 'api' } | undefined>;

  getAlert(orgId: string, id: string): Promise<Alert | undefined>;
  getAlertByFingerprint(orgId: string, fingerprint: string): Promise<Alert | undefined>;
  listAlerts(orgId: string, query: AlertQuery): Promise<Page<Alert>>;

  listDecisions(orgId: string, query: { alertId?: string; limit: number }): Promise<RuleDecision[]>;

  getInvestigation(orgId: string, id: string): Promise<Investigation | undefined>;
  listInvestigations(orgId: string, query: InvestigationQuery): Promise<Page<Investigation>>;
  /** Investigations not yet completed or failed: the worker resumes them after a restart. */
  listUnfinishedInvestigations(orgId: string): Promise<Investigation[]>;
  putInvestigation(investigation: Investigation): Promise<void>;
  /** How many investigations there are per status and outcome (for metrics and the digest). */
  countInvestigations(
    orgId: string,
  ): Promise<{ status: InvestigationStatus; outcome?: string; count: number }[]>;
  /** Investigations with this group key created at or after `since`, newest first. */
  findInvestigationsByGroupKey(orgId: string, groupKey: string, since: Date): Promise<Investigation[]>;

  /** Events with `seq` greater than `afterSeq`, in order. */
  listTimeline(orgId: string, investigationId: string, afterSeq?: number): Promise<TimelineEvent[]>;

  /** The conversation about an investigation, oldest first. */
  listMessages(orgId: string, investigationId: string): Promise<ChatMessage[]>;
  putMessages(messages: ChatMessage[]): Promise<void>;

  listRules(orgId: string): Promise<Rule[]>;
  getRule(orgId: string, id: string): Promise<Rule | undefined>;
  putRule(rule: Rule): Promise<void>;
  deleteRule(orgId: string, id: string): Promise<boolean>;

  /** Writes a batch of changes. Records carry their own orgId. */
  apply(changes: StoreChanges): Promise<void>;
}

/**
 * A blob's content: text, bytes, or parts written one after another (a batch of payload lines,
 * which an adapter that can write them as they are need not copy into one buffer first).
 */
export type BlobBody = string | Uint8Array | readonly Uint8Array[];

export function isBlobParts(body: BlobBody): body is readonly Uint8Array[] {
  return Array.isArray(body);
}

/** Bulky payloads (raw alert payloads, evidence) kept out of the record store. */
export interface BlobStore {
  put(orgId: string, key: string, body: BlobBody): Promise<void>;
  get(orgId: string, key: string): Promise<Buffer | undefined>;
}
