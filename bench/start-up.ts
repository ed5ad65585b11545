/**
 * Start-up (`npm run bench -- start-up`): `scripts/start.ts`, what `npm start` runs, in a fresh
 * Node process until its banner, as the banner reports it (from process start). Target: under
 * a second. Measured on a fresh data dir (the first start creates the default organization and
 * its tokens) and on one started before, beside a Node process that runs an empty script.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './support/bench-result.ts';
import { median } from './support/stats.ts';

const START = fileURLToPath(new URL('../scripts/start.ts', import.meta.url));
const RUNS = 5;
const BANNER = /started in (\d+) ms/;

/** Without the caller's OpsWorker and Slack settings: the local defaults, Slack not configured. */
function cleanEnv(dataDir: string): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('OPSWORKER_') && !name.startsWith('SLACK_'),
    ),
  );
  return { ...inherited, OPSWORKER_PORT: '0', OPSWORKER_DATA_DIR: dataDir };
}

/** Starts the server, reads the start-up time off its banner, and stops it. */
function startOnce(dataDir: string): Promise<number> {
  const child = spawn(process.execPath, [START], {
    env: cleanEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no banner within 30 s:\n${output}`));
    }, 30_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = BANNER.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.once('exit', () => resolve(Number(match[1])));
      child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      if (!BANNER.test(output)) {
        clearTimeout(timer);
        reject(new Error(`exited with ${code} before its banner:\n${output}`));
      }
    });
  });
}

/** How long Node takes to run an empty script, measured the same way (from process start). */
function emptyNodeMs(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'process.stdout.write(String(performance.now()))'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', () => resolve(Number(output)));
  });
}

export async function run(): Promise<BenchResult[]> {
  // Once before measuring: the first start after a change to the portal's sources builds it.
  const warmDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  try {
    await startOnce(warmDir);
    const fresh: number[] = [];
    const again: number[] = [];
    const empty: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
      try {
        fresh.push(await startOnce(dataDir));
        again.push(await startOnce(dataDir));
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
      empty.push(await emptyNodeMs());
    }
    const detail = `median of ${RUNS} starts, from process start to the banner; an empty Node script: ${Math.round(median(empty))} ms`;
    return [
      {
        name: 'start: npm start to listening, fresh data dir',
        value: Math.round(median(fresh)),
        unit: 'ms',
        target: '< 1000 ms',
        met: median(fresh) < 1000,
        detail: `${detail}; creates the default organization and its tokens`,
      },
      {
        name: 'start: npm start to listening, existing data dir',
        value: Math.round(median(again)),
        unit: 'ms',
        target: '< 1000 ms',
        met: median(again) < 1000,
        detail,
      },
    ];
  } finally {
    rmSync(warmDir, { recursive: true, force: true });
  }
}
