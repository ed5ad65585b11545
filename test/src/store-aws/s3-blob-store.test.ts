import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { S3BlobStore } from '@opsworker/cloud/store/aws/s3-blob-store.ts';
import { ValidationError } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_AWS_CLIENT_CONFIG, type LocalAws, startLocalAws } from '../support/local-aws.ts';

let aws: LocalAws;
beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(async () => {
  await aws?.close();
});

/** An S3 client on fauxqs that records the headers of every request it sends. */
function recordingClient() {
  const client = new S3Client({
    ...LOCAL_AWS_CLIENT_CONFIG,
    endpoint: aws.endpoints.s3,
    forcePathStyle: true,
  });
  const sent: { method: string; path: string; headers: Record<string, string> }[] = [];
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { method: string; path: string; headers: Record<string, string> };
      sent.push({ method: request.method, path: request.path, headers: { ...request.headers } });
      return next(args);
    },
    { step: 'finalizeRequest' },
  );
  return { client, sent };
}

describe('S3BlobStore', () => {
  it('gives back exactly the bytes it was given, text or binary', async () => {
    const blobs = new S3BlobStore({ client: aws.s3, bucket: await aws.createBucket() });
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    await blobs.put('acme', 'evidence/inv_1/ev_1.json', '{"kind":"pods","items":[]}');
    await blobs.put('acme', 'payloads/1-4.jsonl', binary);

    expect((await blobs.get('acme', 'evidence/inv_1/ev_1.json'))?.toString('utf8')).toBe(
      '{"kind":"pods","items":[]}',
    );
    expect(new Uint8Array((await blobs.get('acme', 'payloads/1-4.jsonl')) ?? [])).toEqual(binary);
    expect(await blobs.get('acme', 'evidence/inv_1/missing.json')).toBeUndefined();
  });

  it('stores parts given as a list as one object, in order', async () => {
    const blobs = new S3BlobStore({ client: aws.s3, bucket: await aws.createBucket() });
    await blobs.put('acme', 'payloads/5-6.jsonl', [Buffer.from('{"seq":5}\n'), Buffer.from('{"seq":6}\n')]);
    expect((await blobs.get('acme', 'payloads/5-6.jsonl'))?.toString('utf8')).toBe('{"seq":5}\n{"seq":6}\n');
  });

  it('keeps each organization under its own prefix, invisible to the others', async () => {
    const bucket = await aws.createBucket();
    const blobs = new S3BlobStore({ client: aws.s3, bucket });
    await blobs.put('acme', 'evidence/inv_1/ev_1.json', 'acme secret evidence');

    expect(await blobs.get('globex', 'evidence/inv_1/ev_1.json')).toBeUndefined();
    const listed = await aws.s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    expect(listed.Contents?.map((object) => object.Key)).toEqual(['acme/evidence/inv_1/ev_1.json']);
  });

  it('asks for server-side encryption on every object: AES256, or KMS with the configured key', async () => {
    const bucket = await aws.createBucket();
    const plain = recordingClient();
    await new S3BlobStore({ client: plain.client, bucket }).put('acme', 'evidence/a.json', '{}');
    const kms = recordingClient();
    const keyId = 'arn:aws:kms:eu-west-1:123456789012:key/test';
    await new S3BlobStore({ client: kms.client, bucket, kmsKeyId: keyId }).put(
      'acme',
      'evidence/b.json',
      '{}',
    );

    const put = (sent: typeof plain.sent) => sent.find((request) => request.method === 'PUT')?.headers ?? {};
    expect(put(plain.sent)['x-amz-server-side-encryption']).toBe('AES256');
    expect(put(kms.sent)['x-amz-server-side-encryption']).toBe('aws:kms');
    expect(put(kms.sent)['x-amz-server-side-encryption-aws-kms-key-id']).toBe(keyId);
  });

  it.each([
    ['a key that climbs out of the org', 'acme', '../globex/evidence/a.json'],
    ['a key with an empty segment', 'acme', 'evidence//a.json'],
    ['an absolute key', 'acme', '/evidence/a.json'],
    ['an org id with a slash', 'acme/../globex', 'evidence/a.json'],
    ['an empty org id', '', 'evidence/a.json'],
  ])('refuses %s before any request is sent', async (_case, orgId, key) => {
    const { client, sent } = recordingClient();
    const blobs = new S3BlobStore({ client, bucket: await aws.createBucket() });
    await expect(blobs.put(orgId, key, 'x')).rejects.toBeInstanceOf(ValidationError);
    await expect(blobs.get(orgId, key)).rejects.toBeInstanceOf(ValidationError);
    expect(sent).toEqual([]);
  });
});
