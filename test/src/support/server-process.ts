import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpsWorkerClient, opsWorkerClient } from './opsworker-client.ts';
import { TEST_API_TOKEN, TEST_WEBHOOK_TOKEN } from './test-server.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** What `npm start` runs. */
const MAIN = path.join(REPO_ROOT, 'scripts/start.ts');
const BANNER = /OpsWorker is listening on (http:\/\/\S+)/;

export interface ServerProcess extends OpsWorkerClient {
  pid: number;
  /** Everything the process wrote so far, stdout and stderr together. */
  output(): string;
  /** SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill. */
  kill9(): Promise<void>;
  /** SIGTERM: the server finishes accepted work and exits. */
  stop(): Promise<void>;
}

export interface ExitedProcess {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The server as a separate OS process, started the way `npm start` does, on an OS-chosen port. */
function spawnMain(dataDir: string, env: Record<string, string> = {}): ChildProcess {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('OPSWORKER_')),
  );
  return spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      OPSWORKER_PORT: '0',
      OPSWORKER_DATA_DIR: dataDir,
      OPSWORKER_WEBHOOK_TOKEN: TEST_WEBHOOK_TOKEN,
      OPSWORKER_API_TOKEN: TEST_API_TOKEN,
      OPSWORKER_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the server and resolves once its banner says where it listens. `env` adds to its environment. */
export function startServerProcess(
  dataDir: string,
  options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const { timeoutMs = 20_000, env = {} } = options;
  const child = spawnMain(dataDir, env);
  let output = '';
  let started = false;
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}\n--- server output ---\n${output}`));
    };
    const timer = setTimeout(() => fail(`the server printed no banner within ${timeoutMs} ms`), timeoutMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = BANNER.exec(output)?.[1];
      if (started || !url || child.pid === undefined) return;
      started = true;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      resolve({
        ...opsWorkerClient({ url, apiToken: TEST_API_TOKEN, webhookToken: TEST_WEBHOOK_TOKEN }),
        pid: child.pid,
        output: () => output,
        kill9: async () => {
          child.kill('SIGKILL');
          await exited(child);
        },
        stop: async () => {
          child.kill('SIGTERM');
          await exited(child);
        },
      });
    };
    const onEarlyExit = (code: number | null) => fail(`the server exited (code ${code}) before listening`);
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', onEarlyExit);
  });
}

/** Starts the server when it is expected to refuse to start, and resolves with how it exited. */
export function runServerProcessToExit(dataDir: string, timeoutMs = 20_000): Promise<ExitedProcess> {
  const child = spawnMain(dataDir);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit within ${timeoutMs} ms\n${stdout}${stderr}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
