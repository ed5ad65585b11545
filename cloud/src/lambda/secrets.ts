import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '@opsworker/shared';
import { z } from 'zod';

/** A secret holding named string values, e.g. `{"SLACK_BOT_TOKEN": "xoxb-…"}`. */
const SecretValues = z.record(z.string(), z.string());

/**
 * Reads JSON secrets from Secrets Manager once per container: credentials live there, never in
 * code or the environment. A failed read is not cached, so the next invocation tries again.
 */
export class SecretReader {
  readonly #client: SecretsManagerClient | undefined;
  readonly #cache = new Map<string, Promise<Record<string, string>>>();

  /** Without a client, one is made at the first read (its SDK package loaded only then). */
  constructor(client?: SecretsManagerClient) {
    this.#client = client;
  }

  read(secretId: string): Promise<Record<string, string>> {
    let values = this.#cache.get(secretId);
    if (!values) {
      values = this.#fetch(secretId);
      this.#cache.set(secretId, values);
      values.catch(() => this.#cache.delete(secretId));
    }
    return values;
  }

  async #fetch(secretId: string): Promise<Record<string, string>> {
    const sdk = await import('@aws-sdk/client-secrets-manager');
    const client = this.#client ?? new sdk.SecretsManagerClient({});
    const { SecretString } = await client.send(new sdk.GetSecretValueCommand({ SecretId: secretId }));
    let json: unknown;
    try {
      json = JSON.parse(SecretString ?? '');
    } catch {
      // The value itself is never put in the message.
      throw new ConfigError(`Secret ${secretId} is not a JSON object of strings.`);
    }
    const parsed = SecretValues.safeParse(json);
    if (!parsed.success) throw new ConfigError(`Secret ${secretId} is not a JSON object of strings.`);
    return parsed.data;
  }
}
