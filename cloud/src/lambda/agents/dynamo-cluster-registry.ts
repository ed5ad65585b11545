import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { AgentHeartbeat } from '@opsworker/shared';
import { z } from 'zod';
import { orgPartition } from '../../store/aws/item-keys.ts';

/** A cluster whose agent has reported in. */
export const RegisteredCluster = z.object({
  cluster: z.string().min(1),
  kubernetesVersion: z.string(),
  agentVersion: z.string(),
  nodeCount: z.number().int().nonnegative(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
});
export type RegisteredCluster = z.infer<typeof RegisteredCluster>;

const PREFIX = 'CLUSTER#';

/**
 * The clusters of each organization (`ORG#<org>` / `CLUSTER#<name>`, beside the store's items):
 * an agent's first heartbeat registers its cluster, later ones move `lastSeenAt` forward (an
 * older heartbeat delivered late never moves it back).
 */
export class DynamoClusterRegistry {
  readonly #client: DynamoDBClient;
  readonly #tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  /** Records a heartbeat; `registered` is true for the cluster's first. */
  async recordHeartbeat(orgId: string, beat: AgentHeartbeat): Promise<{ registered: boolean }> {
    const key = { pk: { S: orgPartition(orgId) }, sk: { S: `${PREFIX}${beat.cluster}` } };
    const facts = {
      kubernetesVersion: beat.kubernetesVersion,
      agentVersion: beat.agentVersion,
      nodeCount: beat.nodeCount,
      lastSeenAt: beat.at,
    };
    try {
      await this.#client.send(
        new PutItemCommand({
          TableName: this.#tableName,
          Item: {
            ...key,
            record: { S: JSON.stringify({ cluster: beat.cluster, firstSeenAt: beat.at, ...facts }) },
            lastSeenAt: { S: beat.at },
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { registered: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const existing = await this.get(orgId, beat.cluster);
    if (!existing || existing.lastSeenAt >= beat.at) return { registered: false };
    try {
      await this.#client.send(
        new UpdateItemCommand({
          TableName: this.#tableName,
          Key: key,
          UpdateExpression: 'SET #record = :record, lastSeenAt = :at',
          ConditionExpression: 'lastSeenAt < :at',
          ExpressionAttributeNames: { '#record': 'record' },
          ExpressionAttributeValues: {
            ':record': { S: JSON.stringify({ ...existing, ...facts }) },
            ':at': { S: beat.at },
          },
        }),
      );
    } catch (error) {
      // A newer heartbeat got there first.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    return { registered: false };
  }

  async get(orgId: string, cluster: string): Promise<RegisteredCluster | undefined> {
    return (await this.#query(orgId, `${PREFIX}${cluster}`)).find((found) => found.cluster === cluster);
  }

  /** The organization's clusters, most recently seen first. */
  async list(orgId: string): Promise<RegisteredCluster[]> {
    const clusters = await this.#query(orgId, PREFIX);
    return clusters.sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
  }

  async #query(orgId: string, prefix: string): Promise<RegisteredCluster[]> {
    const clusters: RegisteredCluster[] = [];
    let start: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue> | undefined;
    do {
      const page = await this.#client.send(
        new QueryCommand({
          TableName: this.#tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': { S: orgPartition(orgId) }, ':prefix': { S: prefix } },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) {
        const parsed = RegisteredCluster.safeParse(JSON.parse(item.record?.S ?? 'null'));
        if (parsed.success) clusters.push(parsed.data);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return clusters;
  }
}
