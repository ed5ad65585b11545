import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ValidationError } from '@opsworker/shared';
import { type BlobBody, type BlobStore, isBlobParts } from '../store.ts';

/** The same rule as the file blob store: plain path segments, nothing that could climb out. */
const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface S3BlobStoreOptions {
  client: S3Client;
  bucket: string;
  /** A KMS key id or ARN: objects are encrypted with SSE-KMS under it; otherwise SSE-S3 (AES256). */
  kmsKeyId?: string;
}

/**
 * Blobs (raw payloads, evidence) as S3 objects at `<orgId>/<key>` (docs/cloud-data-model.md):
 * the org prefix keeps tenants apart and lets IAM policies be written per organization.
 */
export class S3BlobStore implements BlobStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #kmsKeyId: string | undefined;

  constructor(options: S3BlobStoreOptions) {
    this.#client = options.client;
    this.#bucket = options.bucket;
    this.#kmsKeyId = options.kmsKeyId;
  }

  async put(orgId: string, key: string, body: BlobBody): Promise<void> {
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: objectKey(orgId, key),
        Body: isBlobParts(body) ? Buffer.concat(body) : body,
        ContentType: key.endsWith('.json') ? 'application/json' : 'application/octet-stream',
        // Set on every object, not only by bucket default: a bucket misconfigured later still
        // gets encrypted objects, and a bucket policy can refuse puts without the header.
        ...(this.#kmsKeyId
          ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: this.#kmsKeyId }
          : { ServerSideEncryption: 'AES256' as const }),
      }),
    );
  }

  async get(orgId: string, key: string): Promise<Buffer | undefined> {
    try {
      const result = await this.#client.send(
        new GetObjectCommand({ Bucket: this.#bucket, Key: objectKey(orgId, key) }),
      );
      if (!result.Body) return undefined;
      return Buffer.from(await result.Body.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }
}

function objectKey(orgId: string, key: string): string {
  if (!ORG_ID.test(orgId) || !SAFE_KEY.test(key) || key.includes('..')) {
    throw new ValidationError(`blob key "${orgId}/${key}" is not valid`);
  }
  return `${orgId}/${key}`;
}
