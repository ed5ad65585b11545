import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Item } from './record-items.ts';

/** Conditional puts cannot be batched: this many run at once. */
const CONCURRENCY = 16;

/**
 * Puts records that never change once written (timeline events, rule decisions): a replayed
 * delivery or a duplicated SQS message finds the item there and writes nothing.
 */
export function putIfAbsent(client: DynamoDBDocumentClient, tableName: string, items: readonly Item[]) {
  return putEach(client, items, (item) => ({
    TableName: tableName,
    Item: item,
    ConditionExpression: 'attribute_not_exists(pk)',
  }));
}

/**
 * Puts alerts unless the stored one was written by a later delivery (`record.lastReceipt`
 * greater): an old delivery redelivered late cannot roll an alert back.
 */
export function putUnlessNewer(client: DynamoDBDocumentClient, tableName: string, items: readonly Item[]) {
  return putEach(client, items, (item) => ({
    TableName: tableName,
    Item: item,
    ConditionExpression: 'attribute_not_exists(pk) OR #record.lastReceipt <= :receipt',
    ExpressionAttributeNames: { '#record': 'record' },
    ExpressionAttributeValues: { ':receipt': (item.record as { lastReceipt: number }).lastReceipt },
  }));
}

async function putEach(
  client: DynamoDBDocumentClient,
  items: readonly Item[],
  request: (item: Item) => PutCommandInput,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await client.send(new PutCommand(request(item)));
      } catch (error) {
        // The condition said the write is not needed: that is the point, not a failure.
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
}
