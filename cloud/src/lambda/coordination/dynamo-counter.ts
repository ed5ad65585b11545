import { type DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { orgPartition } from '../../store/aws/item-keys.ts';

/**
 * Atomic counters in the store's table, one item per organization and name
 * (`ORG#<org>` / `COUNTER#<name>`): many Lambda containers draw from the same sequence and
 * never get the same number twice (an atomic ADD needs no lock).
 */
export class DynamoCounter {
  readonly #client: DynamoDBClient;
  readonly #tableName: string;

  constructor(client: DynamoDBClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  /** The next number of this counter: 1 the first time. */
  async next(orgId: string, name: string): Promise<number> {
    const { Attributes } = await this.#client.send(
      new UpdateItemCommand({
        TableName: this.#tableName,
        Key: { pk: { S: orgPartition(orgId) }, sk: { S: `COUNTER#${name}` } },
        UpdateExpression: 'ADD #value :one',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': { N: '1' } },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const value = Number(Attributes?.value?.N);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`counter ${name} returned no number`);
    return value;
  }
}
