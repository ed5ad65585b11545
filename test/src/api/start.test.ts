import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

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
