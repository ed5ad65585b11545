import { randomUUID } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { orgPartition } from '../../store/aws/item-keys.ts';

export interface LeaseOptions {
  /** How long the lease holds if its holder dies without releasing it. */
  ttlMs: number;
}

/** A held lease; `release` is safe to call twice and never releases someone else's. */
export interface Lease {
  release(): Promise<void>;
}

/**
 * Leases in the store's table (`ORG#<org>` / `LEASE#<name>`): one Lambda at a time works on a
 * name (an organization's ingest, one investigation job). A conditional write takes it, so two
 * containers cannot both win; an expired lease (its holder crashed) can be taken over.
 */
export class DynamoLease {
  readonly #client: DynamoDBClient;
  readonly #tableName: string;
  readonly #now: () => number;

  constructor(client: DynamoDBClient, tableName: string, now: () => number = Date.now) {
    this.#client = client;
    this.#tableName = tableName;
    this.#now = now;
  }

  /** The lease, or undefined while another holder has it. */
  async tryAcquire(orgId: string, name: string, options: LeaseOptions): Promise<Lease | undefined> {
    const holder = randomUUID();
    const now = this.#now();
    const key = { pk: { S: orgPartition(orgId) }, sk: { S: `LEASE#${name}` } };
    try {
      await this.#client.send(
        new UpdateItemCommand({
          TableName: this.#tableName,
          Key: key,
          UpdateExpression: 'SET holder = :holder, leaseUntil = :until, expiresAt = :ttl',
          ConditionExpression: 'attribute_not_exists(holder) OR leaseUntil < :now',
          ExpressionAttributeValues: {
            ':holder': { S: holder },
            ':until': { N: String(now + options.ttlMs) },
            ':now': { N: String(now) },
            // The item is only coordination: let the table's TTL remove it a day after it lapsed.
            ':ttl': { N: String(Math.ceil((now + options.ttlMs) / 1000) + 86_400) },
          },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        await this.#client
          .send(
            new UpdateItemCommand({
              TableName: this.#tableName,
              Key: key,
              UpdateExpression: 'REMOVE holder, leaseUntil',
              ConditionExpression: 'holder = :holder',
              ExpressionAttributeValues: { ':holder': { S: holder } },
            }),
          )
          .catch((error) => {
            // Lost to expiry and taken over: it is the new holder's now.
            if (!(error instanceof ConditionalCheckFailedException)) throw error;
          });
      },
    };
  }

  /**
   * Waits for the lease (growing pauses, up to `waitMs`), runs `work` holding it, releases it.
   * Throws LeaseBusyError when it could not be had in time.
   */
  async withLease<T>(
    orgId: string,
    name: string,
    options: LeaseOptions & { waitMs: number },
    work: () => Promise<T>,
  ): Promise<T> {
    const deadline = this.#now() + options.waitMs;
    let pauseMs = 10;
    for (;;) {
      const lease = await this.tryAcquire(orgId, name, options);
      if (lease) {
        try {
          return await work();
        } finally {
          await lease.release();
        }
      }
      if (this.#now() + pauseMs > deadline) throw new LeaseBusyError(name);
      await new Promise((resolve) => setTimeout(resolve, pauseMs + Math.random() * pauseMs));
      pauseMs = Math.min(500, pauseMs * 2);
    }
  }
}

export class LeaseBusyError extends Error {
  override name = 'LeaseBusyError';
  constructor(name: string) {
    super(`lease ${name} is held by another worker`);
  }
}
