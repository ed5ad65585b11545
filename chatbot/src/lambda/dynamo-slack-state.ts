import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { InvestigationMessageRecord, OutboxItem, SlackState } from '../state/slack-state.ts';

/** Messages idle this long expire (the table's TTL): nobody updates a week-old incident message. */
const MESSAGE_RETENTION_S = 7 * 86_400;
const DELIVERED_RETENTION_S = 86_400;
/** Optimistic writes that lose to another writer this many times in a row give up. */
const MAX_CONFLICTS = 20;

interface Versioned<T> {
  value: T | undefined;
  version: number;
}

/**
 * SlackState in OpsWorker's table, for the Slack functions (any container may handle any
 * event): items `ORG#<org>` / `SLACK#…` beside the organization's records. Read-modify-write
 * calls are optimistic (a `version` attribute, conditional puts, retried on conflict), so two
 * containers changing one record never lose each other's change. Each posted message also
 * indexes its thread (`SLACK#THREAD#<channel>/<ts>`), so a reply in any container finds its
 * investigation.
 */
export class DynamoSlackState implements SlackState {
  readonly #client: DynamoDBClient;
  readonly #table: string;
  readonly #pk: string;
  readonly #now: () => number;

  constructor(options: { client: DynamoDBClient; tableName: string; orgId: string; now?: () => number }) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#pk = `ORG#${options.orgId}`;
    this.#now = options.now ?? Date.now;
  }

  async getMessage(investigationId: string): Promise<InvestigationMessageRecord | undefined> {
    return (await this.#get<InvestigationMessageRecord>(`SLACK#MSG#${investigationId}`)).value;
  }

  async updateMessage(
    investigationId: string,
    change: (current: InvestigationMessageRecord | undefined) => InvestigationMessageRecord | undefined,
  ): Promise<InvestigationMessageRecord | undefined> {
    const { before, after } = await this.#change<InvestigationMessageRecord>(
      `SLACK#MSG#${investigationId}`,
      MESSAGE_RETENTION_S,
      (current) => {
        const next = change(current === undefined ? undefined : structuredClone(current));
        return next === undefined ? { keep: true } : { keep: false, value: next, result: next };
      },
    );
    const record = after ?? before;
    if (after?.ts && after.ts !== before?.ts)
      await this.#indexThread(after.channel, after.ts, investigationId);
    if (after?.threadTs && after.threadTs !== before?.threadTs)
      await this.#indexThread(after.channel, after.threadTs, investigationId);
    return record === undefined ? undefined : structuredClone(record);
  }

  /** The investigation whose message (or thread) is `ts` in `channel`, from the index the writes keep. */
  async findByThread(channel: string, ts: string): Promise<string | undefined> {
    return (await this.#get<string>(`SLACK#THREAD#${channel}/${ts}`)).value;
  }

  async outbox(): Promise<OutboxItem[]> {
    return (await this.#get<OutboxItem[]>('SLACK#OUTBOX')).value ?? [];
  }

  async mutateOutbox<T>(change: (items: OutboxItem[]) => T): Promise<T> {
    const { result } = await this.#change<OutboxItem[], T>('SLACK#OUTBOX', undefined, (current) => {
      const items = structuredClone(current ?? []);
      const result = change(items);
      return { keep: false, value: items, result };
    });
    return result as T;
  }

  async getDelivered(itemId: string): Promise<{ channel: string; ts: string } | undefined> {
    return (await this.#get<{ channel: string; ts: string }>(`SLACK#DELIVERED#${itemId}`)).value;
  }

  async putDelivered(itemId: string, where: { channel: string; ts: string }): Promise<void> {
    await this.#put(`SLACK#DELIVERED#${itemId}`, where, undefined, DELIVERED_RETENTION_S);
  }

  async getDigestSentDay(key: string): Promise<string | undefined> {
    return (await this.#get<string>(`SLACK#DIGEST#${key}`)).value;
  }

  async setDigestSentDay(key: string, day: string): Promise<void> {
    await this.#put(`SLACK#DIGEST#${key}`, day, undefined, undefined);
  }

  async #indexThread(channel: string, ts: string, investigationId: string): Promise<void> {
    await this.#put(`SLACK#THREAD#${channel}/${ts}`, investigationId, undefined, MESSAGE_RETENTION_S);
  }

  async #change<V, R = V>(
    sk: string,
    retentionS: number | undefined,
    apply: (current: V | undefined) => { keep: true } | { keep: false; value: V; result: R },
  ): Promise<{ before: V | undefined; after: V | undefined; result: R | undefined }> {
    for (let attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
      const current = await this.#get<V>(sk);
      const outcome = apply(current.value);
      if (outcome.keep) return { before: current.value, after: undefined, result: undefined };
      try {
        await this.#put(sk, outcome.value, current.version, retentionS);
        return { before: current.value, after: outcome.value, result: outcome.result };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    throw new Error(`Slack state ${sk}: too many concurrent changes`);
  }

  async #get<V>(sk: string): Promise<Versioned<V>> {
    const { Item } = await this.#client.send(
      new GetItemCommand({ TableName: this.#table, Key: this.#key(sk), ConsistentRead: true }),
    );
    const expiresAt = Number(Item?.expiresAt?.N ?? Number.POSITIVE_INFINITY);
    // DynamoDB's TTL deletes lazily: an expired item is treated as gone.
    if (!Item || expiresAt * 1000 <= this.#now())
      return { value: undefined, version: Number(Item?.version?.N ?? 0) };
    return { value: JSON.parse(Item.state?.S ?? 'null') as V, version: Number(Item.version?.N ?? 0) };
  }

  /** Writes the value; with `expectedVersion`, only over that version (or nothing, for 0). */
  async #put(
    sk: string,
    value: unknown,
    expectedVersion: number | undefined,
    retentionS: number | undefined,
  ) {
    const item: Record<string, AttributeValue> = {
      ...this.#key(sk),
      state: { S: JSON.stringify(value) },
      version: { N: String((expectedVersion ?? 0) + 1) },
    };
    if (retentionS !== undefined) item.expiresAt = { N: String(Math.ceil(this.#now() / 1000) + retentionS) };
    await this.#client.send(
      new PutItemCommand({
        TableName: this.#table,
        Item: item,
        ...(expectedVersion === undefined
          ? {}
          : expectedVersion === 0
            ? {
                ConditionExpression: 'attribute_not_exists(pk) OR version = :zero',
                ExpressionAttributeValues: { ':zero': { N: '0' } },
              }
            : {
                ConditionExpression: 'version = :version',
                ExpressionAttributeValues: { ':version': { N: String(expectedVersion) } },
              }),
      }),
    );
  }

  #key(sk: string): Record<string, AttributeValue> {
    return { pk: { S: this.#pk }, sk: { S: sk } };
  }
}
