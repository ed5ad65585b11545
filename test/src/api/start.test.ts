import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_BOT_TOKEN, type FakeSlack, startFakeSlack } from '../slack/fake-slack-server.ts';
import { startServerProcess } from '../support/server-process.ts';

const MAIN = fileURLToPath(new URL('../../../scripts/start.ts', import.meta.url));

describe('npm start', () => {
  it('refuses a bad configuration with one message naming each variable, and exit code 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'opsworker-start-'));
    try {
      const run = promisify(execFile)(process.execPath, [MAIN], {
        env: {
          ...process.env,
          OPSWORKER_DATA_DIR: dataDir,
          OPSWORKER_PORT: 'eighty',
          OPSWORKER_API_TOKEN: 'short',
        },
        timeout: 20_000,
      });
      await expect(run).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          /OPSWORKER_PORT[\s\S]*OPSWORKER_API_TOKEN|OPSWORKER_API_TOKEN[\s\S]*OPSWORKER_PORT/,
        ),
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('npm start with Slack configured', () => {
  let slack: FakeSlack;
  let dataDir: string;
  beforeAll(async () => {
    slack = await startFakeSlack();
    dataDir = mkdtempSync(join(tmpdir(), 'opsworker-start-slack-'));
  });
  afterAll(async () => {
    await slack?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the Slack bot and mounts its events endpoint', async () => {
    const server = await startServerProcess(dataDir, {
      env: {
        SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
        SLACK_SIGNING_SECRET: 'start-test-secret',
        SLACK_API_URL: slack.apiUrl,
      },
    });
    try {
      await expect.poll(() => server.output(), { timeout: 10_000 }).toContain('Slack: receiving events at');
      // Bolt answers an unsigned event itself, with 401: the mount is there (ours would be 404).
      const response = await fetch(`${server.url}/slack/events`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});
