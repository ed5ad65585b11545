import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Secrets Manager's GetSecretValue on 127.0.0.1, for the real `@aws-sdk/client-secrets-manager`. */
export interface LocalSecretsManager {
  endpoint: string;
  /** Stores a secret and returns its ARN. */
  put(name: string, value: Record<string, string>): string;
  /** How many GetSecretValue calls were answered (secrets are meant to be cached per container). */
  reads(): number;
  close(): Promise<void>;
}

/**
 * The AWS JSON 1.1 protocol (`X-Amz-Target: secretsmanager.GetSecretValue`, a JSON body with
 * `SecretId`), answering `ResourceNotFoundException` for unknown secrets as AWS does.
 */
export async function startLocalSecretsManager(): Promise<LocalSecretsManager> {
  const secrets = new Map<string, { arn: string; name: string; value: string }>();
  let reads = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = String(request.headers['x-amz-target'] ?? '');
    const { SecretId } = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { SecretId?: string };
    const secret = [...secrets.values()].find((s) => s.arn === SecretId || s.name === SecretId);
    const headers = { 'content-type': 'application/x-amz-json-1.1' };
    if (target !== 'secretsmanager.GetSecretValue' || !secret) {
      response.writeHead(400, headers).end(
        JSON.stringify({
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        }),
      );
      return;
    }
    reads++;
    response
      .writeHead(200, headers)
      .end(
        JSON.stringify({ ARN: secret.arn, Name: secret.name, SecretString: secret.value, VersionId: 'v1' }),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    put(name, value) {
      const arn = `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}-AbCdEf`;
      secrets.set(name, { arn, name, value: JSON.stringify(value) });
      return arn;
    },
    reads: () => reads,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
