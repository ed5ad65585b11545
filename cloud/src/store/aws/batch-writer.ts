import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UnavailableError } from '@opsworker/shared';
import type { Item } from './record-items.ts';

/** BatchWriteItem's limit per request. */
const CHUNK = 25;
const MAX_ATTEMPTS = 8;

/**
 * Puts items with BatchWriteItem, 25 per request, retrying what DynamoDB hands back as
 * unprocessed (throttling) with exponential backoff. Unconditional: only for records whose
 * last write simply wins.
 */
export async function batchPut(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Item[],
): Promise<void> {
  const chunks: Item[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
  await Promise.all(chunks.map((chunk) => writeChunk(client, tableName, chunk)));
}

async function writeChunk(client: DynamoDBDocumentClient, tableName: string, chunk: Item[]): Promise<void> {
  let requests = chunk.map((item) => ({ PutRequest: { Item: item } }));
  for (let attempt = 1; requests.length > 0; attempt++) {
    if (attempt > MAX_ATTEMPTS)
      throw new UnavailableError(
        `DynamoDB left ${requests.length} writes unprocessed after ${MAX_ATTEMPTS} attempts`,
      );
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
  }
}
