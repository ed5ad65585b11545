import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.ts';

const CLI = fileURLToPath(new URL('../../../cloud/src/local/cli.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'opsworker-cli-'));
const cli = (...args: string[]) =>
  promisify(execFile)(process.execPath, [CLI, ...args], {
    env: { ...process.env, OPSWORKER_DATA_DIR: dataDir },
  });

describe('npm run opsworker -- org …', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates an organization whose printed tokens the server accepts, and lists it', async () => {
    const { stdout } = await cli('org', 'create', 'acme', '--name', 'Acme Corp');
    const webhookToken = /webhook token\s+(\S+)/.exec(stdout)?.[1];
    const apiToken = /API token\s+(\S+)/.exec(stdout)?.[1];
    expect(webhookToken).toMatch(/^owh_/);
    expect(apiToken).toMatch(/^owa_/);
    expect((await cli('org', 'list')).stdout).toMatch(/acme\tAcme Corp/);

    const server = await startTestServer({ dataDir });
    try {
      const sent = await fetch(`${server.url}/webhooks/generic/${webhookToken}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Disk full', severity: 'critical' }),
      });
      expect(sent.status).toBe(202);
      await server.pipeline.idle();
      const alerts = await fetch(`${server.url}/api/alerts`, {
        headers: { authorization: `Bearer ${apiToken}` },
      });
      expect(((await alerts.json()) as { items: { orgId: string }[] }).items.map((a) => a.orgId)).toEqual([
        'acme',
      ]);
    } finally {
      await server.close();
    }
  });

  it('refuses an invalid or duplicate organization id with a clear message and exit code 1', async () => {
    await expect(cli('org', 'create', 'Not Valid!')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/lower-case letters/),
    });
    await expect(cli('org', 'create', 'acme')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/already exists/),
    });
  });

  it('prints usage and exits 2 for an unknown command', async () => {
    await expect(cli('frobnicate')).rejects.toMatchObject({
      code: 2,
      stdout: expect.stringMatching(/Usage/),
    });
  });
});

describe('npm run opsworker -- org … --dynamodb-table (the cloud deployment)', () => {
  it('creates an organization in the table whose API token the cloud store then finds', async () => {
    const { startLocalAws } = await import('../support/local-aws.ts');
    const { DynamoStore } = await import('@opsworker/cloud/store/aws/dynamo-store.ts');
    const { hashToken } = await import('@opsworker/cloud/orgs/tokens.ts');
    const aws = await startLocalAws();
    try {
      const table = await aws.createTable();
      const run = (...args: string[]) =>
        promisify(execFile)(process.execPath, [CLI, ...args, '--dynamodb-table', table], {
          env: { ...process.env, ...aws.env },
        });
      const { stdout } = await run('org', 'create', 'globex', '--name', 'Globex');
      const apiToken = /API token\s+(\S+)/.exec(stdout)?.[1] ?? '';
      expect((await run('org', 'list')).stdout).toMatch(/globex\tGlobex/);
      const store = new DynamoStore({ client: aws.dynamodb, tableName: table });
      expect((await store.findOrganizationByTokenHash(hashToken(apiToken)))?.org.id).toBe('globex');
    } finally {
      await aws.close();
    }
  });
});
