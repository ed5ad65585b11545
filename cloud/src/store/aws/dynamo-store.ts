import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  Alert,
  ChatMessage,
  Investigation,
  Organization,
  Rule,
  RuleDecision,
  TimelineEvent,
  ValidationError,
} from '@opsworker/shared';
import type { z } from 'zod';
import {
  alertMatches,
  countByStatusAndOutcome,
  type InvestigationCount,
  investigationMatches,
} from '../query-filters.ts';
import type { AlertQuery, InvestigationQuery, Page, Store, StoreChanges } from '../store.ts';
import { batchPut } from './batch-writer.ts';
import { putIfAbsent, putUnlessNewer } from './conditional-put.ts';
import {
  alertDecisionsIndexKey,
  alertSortKey,
  COLLECTION,
  fingerprintIndexKey,
  groupIndexKey,
  HIGH,
  investigationSortKey,
  isoTime,
  messagePrefix,
  ORG_SORT_KEY,
  ORGS_INDEX_PARTITION,
  orgPartition,
  paddedSeq,
  ruleSortKey,
  timelinePrefix,
  tokenIndexPartition,
  unfinishedIndexKey,
} from './item-keys.ts';
import { queryItems, queryPage } from './query-pages.ts';
import { type ItemBuilders, itemBuilders } from './record-items.ts';
import { isExpired, RetentionDays, type RetentionDaysInput } from './retention.ts';
import { TTL_ATTRIBUTE } from './table-definition.ts';

/** Same rule as the local store: org ids end up inside keys, so no `#` or other separators. */
const ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface DynamoStoreOptions {
  /** A DynamoDB client (region, credentials, endpoint are the caller's). */
  client: DynamoDBClient;
  /** A table created from `tableDefinition()`. */
  tableName: string;
  /** Days to keep each record type (default 90 each; 0 = forever). */
  retentionDays?: RetentionDaysInput;
}

/**
 * The `Store` port on one DynamoDB table (single-table design: docs/cloud-data-model.md).
 * Every key is built from the `orgId` argument (or, for writes, the record's own `orgId`), so a
 * call can only reach its organization's partition.
 */
export class DynamoStore implements Store {
  readonly #client: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #items: ItemBuilders;

  constructor(options: DynamoStoreOptions) {
    this.#client = DynamoDBDocumentClient.from(options.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    this.#table = options.tableName;
    this.#items = itemBuilders(RetentionDays.parse(options.retentionDays ?? {}));
  }

  async listOrganizations(): Promise<Organization[]> {
    return this.#queryRecords(Organization, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': ORGS_INDEX_PARTITION },
    });
  }

  async getOrganization(orgId: string): Promise<Organization | undefined> {
    // Like an unknown id: no organization can have an id that fails the check.
    if (!ORG_ID.test(orgId)) return undefined;
    return this.#get(Organization, orgId, ORG_SORT_KEY);
  }

  async putOrganization(org: Organization): Promise<void> {
    orgPartitionOf(org.id);
    await this.#client.send(new PutCommand({ TableName: this.#table, Item: this.#items.organization(org) }));
  }

  async findOrganizationByTokenHash(
    hash: string,
  ): Promise<{ org: Organization; kind: 'webhook' | 'api' } | undefined> {
    const lookups = (['gsi2', 'gsi3'] as const).map((index) =>
      this.#queryRecords(Organization, {
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': tokenIndexPartition(hash) },
      }),
    );
    const candidates = (await Promise.all(lookups)).flat();
    // The indexes lag behind writes: confirm against the organization as it is now, so a
    // rotated-out token stops working at once.
    for (const candidate of candidates) {
      const org = await this.getOrganization(candidate.id);
      if (org?.webhookTokenHash === hash) return { org, kind: 'webhook' };
      if (org?.apiTokenHash === hash) return { org, kind: 'api' };
    }
    return undefined;
  }

  async getAlert(orgId: string, id: string): Promise<Alert | undefined> {
    return this.#get(Alert, orgId, alertSortKey(id));
  }

  async getAlertByFingerprint(orgId: string, fingerprint: string): Promise<Alert | undefined> {
    const [hit] = await this.#queryRecords(Alert, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': fingerprintIndexKey(checkedOrgId(orgId), fingerprint) },
    });
    // Re-read consistently: the ingest's replay check compares the current `lastReceipt`.
    return hit ? this.getAlert(orgId, hit.id) : undefined;
  }

  async listAlerts(orgId: string, query: AlertQuery): Promise<Page<Alert>> {
    return this.#page(Alert, orgId, COLLECTION.alert, query, alertMatches(query));
  }

  async listDecisions(orgId: string, query: { alertId?: string; limit: number }): Promise<RuleDecision[]> {
    const pk = orgPartitionOf(orgId);
    const input: Omit<QueryCommandInput, 'TableName'> = query.alertId
      ? {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': alertDecisionsIndexKey(orgId, query.alertId) },
        }
      : {
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': COLLECTION.decision },
        };
    return this.#queryRecords(RuleDecision, { ...input, ScanIndexForward: false }, query.limit);
  }

  async getInvestigation(orgId: string, id: string): Promise<Investigation | undefined> {
    return this.#get(Investigation, orgId, investigationSortKey(id));
  }

  async listInvestigations(orgId: string, query: InvestigationQuery): Promise<Page<Investigation>> {
    return this.#page(Investigation, orgId, COLLECTION.investigation, query, investigationMatches(query));
  }

  async listUnfinishedInvestigations(orgId: string): Promise<Investigation[]> {
    const hits = await this.#queryRecords(Investigation, {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': unfinishedIndexKey(checkedOrgId(orgId)) },
    });
    // The index may still list one that just finished: a resumed finished job would be redone.
    const current = await this.#fresh(orgId, hits);
    return current.filter((inv) => inv.status === 'queued' || inv.status === 'running');
  }

  async putInvestigation(investigation: Investigation): Promise<void> {
    orgPartitionOf(investigation.orgId);
    await this.#client.send(
      new PutCommand({ TableName: this.#table, Item: this.#items.investigation(investigation) }),
    );
  }

  async countInvestigations(orgId: string): Promise<InvestigationCount[]> {
    const items = queryItems(this.#client, {
      TableName: this.#table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': orgPartitionOf(orgId), ':prefix': COLLECTION.investigation },
      // Only what is counted: a count must not read every report.
      ProjectionExpression: `#record.#status, #record.outcome, ${TTL_ATTRIBUTE}`,
      ExpressionAttributeNames: { '#record': 'record', '#status': 'status' },
    });
    const counted: Pick<Investigation, 'status' | 'outcome'>[] = [];
    for await (const item of items)
      counted.push(Investigation.pick({ status: true, outcome: true }).parse(item.record));
    return countByStatusAndOutcome(counted);
  }

  async findInvestigationsByGroupKey(orgId: string, groupKey: string, since: Date): Promise<Investigation[]> {
    const hits = await this.#queryRecords(Investigation, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :since',
      ExpressionAttributeValues: {
        ':pk': groupIndexKey(checkedOrgId(orgId), groupKey),
        ':since': isoTime(since.toISOString()),
      },
      ScanIndexForward: false,
    });
    return this.#fresh(orgId, hits);
  }

  async listTimeline(orgId: string, investigationId: string, afterSeq = 0): Promise<TimelineEvent[]> {
    const prefix = timelinePrefix(investigationId);
    return this.#queryRecords(TimelineEvent, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': orgPartitionOf(orgId),
        ':from': `${prefix}${paddedSeq(afterSeq + 1)}`,
        ':to': `${prefix}${HIGH}`,
      },
      ConsistentRead: true,
    });
  }

  async listMessages(orgId: string, investigationId: string): Promise<ChatMessage[]> {
    return this.#queryRecords(ChatMessage, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': orgPartitionOf(orgId), ':prefix': messagePrefix(investigationId) },
      ConsistentRead: true,
    });
  }

  async putMessages(messages: ChatMessage[]): Promise<void> {
    for (const message of messages) orgPartitionOf(message.orgId);
    await batchPut(this.#client, this.#table, messages.map(this.#items.message));
  }

  async listRules(orgId: string): Promise<Rule[]> {
    return this.#queryRecords(Rule, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': orgPartitionOf(orgId), ':prefix': COLLECTION.rule },
      ConsistentRead: true,
    });
  }

  async getRule(orgId: string, id: string): Promise<Rule | undefined> {
    return this.#get(Rule, orgId, ruleSortKey(id));
  }

  async putRule(rule: Rule): Promise<void> {
    orgPartitionOf(rule.orgId);
    await this.#client.send(new PutCommand({ TableName: this.#table, Item: this.#items.rule(rule) }));
  }

  async deleteRule(orgId: string, id: string): Promise<boolean> {
    const result = await this.#client.send(
      new DeleteCommand({
        TableName: this.#table,
        Key: { pk: orgPartitionOf(orgId), sk: ruleSortKey(id) },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return result.Attributes !== undefined;
  }

  /**
   * No transactions (DynamoDB's cost 2x, dynalite has none): immutable records first with
   * conditional puts, investigations next, alerts last — an alert's `lastReceipt` marks its
   * delivery as applied, so it must not be written before what the delivery opened.
   */
  async apply(changes: StoreChanges): Promise<void> {
    const all = [
      ...(changes.alerts ?? []),
      ...(changes.decisions ?? []),
      ...(changes.investigations ?? []),
      ...(changes.timeline ?? []),
    ];
    for (const record of all) orgPartitionOf(record.orgId);
    const immutable = [
      ...(changes.decisions ?? []).map(this.#items.decision),
      ...(changes.timeline ?? []).map(this.#items.timeline),
    ];
    await putIfAbsent(this.#client, this.#table, immutable);
    await batchPut(this.#client, this.#table, (changes.investigations ?? []).map(this.#items.investigation));
    await putUnlessNewer(this.#client, this.#table, (changes.alerts ?? []).map(this.#items.alert));
  }

  async #get<T>(schema: z.ZodType<T>, orgId: string, sk: string): Promise<T | undefined> {
    const { Item } = await this.#client.send(
      new GetCommand({
        TableName: this.#table,
        Key: { pk: orgPartitionOf(orgId), sk },
        ConsistentRead: true,
      }),
    );
    if (!Item || isExpired(Item, new Date())) return undefined;
    return schema.parse(Item.record);
  }

  /** Records of a query (all pages, or the first `limit`), validated, expired ones skipped. */
  async #queryRecords<T>(
    schema: z.ZodType<T>,
    input: Omit<QueryCommandInput, 'TableName'>,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<T[]> {
    const records: T[] = [];
    if (limit <= 0) return records;
    const firstLimit = Number.isFinite(limit) ? limit : undefined;
    for await (const item of queryItems(this.#client, { ...input, TableName: this.#table }, { firstLimit })) {
      records.push(schema.parse(item.record));
      if (records.length >= limit) break;
    }
    return records;
  }

  /** Index hits re-read from the table (GSIs are eventually consistent), in the same order. */
  async #fresh(orgId: string, hits: Investigation[]): Promise<Investigation[]> {
    const current = await Promise.all(hits.map((hit) => this.getInvestigation(orgId, hit.id)));
    return current.filter((inv): inv is Investigation => inv !== undefined);
  }

  #page<T>(
    schema: z.ZodType<T>,
    orgId: string,
    sortKeyPrefix: string,
    query: { limit: number; cursor?: string },
    filter: (record: T) => boolean,
  ): Promise<Page<T>> {
    return queryPage(this.#client, {
      tableName: this.#table,
      orgId: checkedOrgId(orgId),
      sortKeyPrefix,
      limit: query.limit,
      cursor: query.cursor,
      parse: (record) => schema.parse(record),
      filter,
    });
  }
}

/** The id, after checking it cannot break out of its key segment (ValidationError: HTTP 400). */
function checkedOrgId(orgId: string): string {
  if (!ORG_ID.test(orgId)) throw new ValidationError(`organization id "${orgId}" is not valid`);
  return orgId;
}

/** The org's partition key, for a checked id. */
function orgPartitionOf(orgId: string): string {
  return orgPartition(checkedOrgId(orgId));
}
