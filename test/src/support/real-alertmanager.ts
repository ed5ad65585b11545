import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { freePort } from './free-port.ts';
import { waitFor } from './wait-for.ts';

const run = promisify(execFile);

/** Where Debian's `prometheus-alertmanager` package installs its binaries. */
export const ALERTMANAGER_BIN = '/usr/bin/prometheus-alertmanager';
export const AMTOOL_BIN = '/usr/bin/amtool';

export function alertmanagerInstalled(): boolean {
  return existsSync(ALERTMANAGER_BIN) && existsSync(AMTOOL_BIN);
}

/** An alert as amtool adds it: labels identify it (Alertmanager fingerprints them), annotations describe it. */
export interface AmtoolAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RealAlertmanager {
  url: string;
  /** `amtool alert add`: the alert starts firing now. */
  fire(alert: AmtoolAlert): Promise<void>;
  /** `amtool alert add --end=<past>`: Alertmanager marks the alert resolved and notifies it. */
  resolve(alert: AmtoolAlert): Promise<void>;
  stop(): Promise<void>;
}

export interface AlertmanagerOptions {
  /** Where the webhook receiver posts, e.g. `http://127.0.0.1:1234/webhooks/alertmanager`. */
  webhookUrl: string;
  /** Sent as `Authorization: Bearer <token>` (http_config.authorization.credentials). */
  bearerToken: string;
  groupBy: string[];
}

/**
 * The real Alertmanager on loopback, with one route sending every alert to a webhook receiver.
 * Group timers are one second so a test sees a notification within a couple of seconds of an
 * alert; repeat_interval is long, so a re-notification happens only when a group changes.
 */
export async function startAlertmanager(options: AlertmanagerOptions): Promise<RealAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'opsworker-alertmanager-'));
  const configFile = join(dir, 'alertmanager.yml');
  writeFileSync(configFile, stringify(alertmanagerConfig(options)));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(
    ALERTMANAGER_BIN,
    [
      `--config.file=${configFile}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=debug',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const remember = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  const stop = () => stopProcess(child).finally(() => rmSync(dir, { recursive: true, force: true }));
  try {
    await waitFor(
      'Alertmanager to be ready',
      async () => child.exitCode === null && (await fetch(`${url}/-/ready`)).ok,
      { timeoutMs: 15_000, lastSeen: () => output.slice(-20) },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const amtool = async (alert: AmtoolAlert, extra: string[]) => {
    const labels = Object.entries(alert.labels).map(([name, value]) => `${name}=${value}`);
    const annotations = Object.entries(alert.annotations ?? {}).map(
      ([name, value]) => `--annotation=${name}=${value}`,
    );
    await run(AMTOOL_BIN, ['alert', 'add', `--alertmanager.url=${url}`, ...annotations, ...extra, ...labels]);
  };
  return {
    url,
    fire: (alert) => amtool(alert, []),
    // A minute in the past: Alertmanager treats an alert whose end has passed as resolved.
    resolve: (alert) => amtool(alert, [`--end=${new Date(Date.now() - 60_000).toISOString()}`]),
    stop,
  };
}

function alertmanagerConfig(options: AlertmanagerOptions): unknown {
  return {
    route: {
      receiver: 'opsworker',
      group_by: options.groupBy,
      group_wait: '1s',
      group_interval: '1s',
      repeat_interval: '4h',
    },
    receivers: [
      {
        name: 'opsworker',
        webhook_configs: [
          {
            url: options.webhookUrl,
            send_resolved: true,
            http_config: { authorization: { credentials: options.bearerToken } },
          },
        ],
      },
    ],
  };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
