/**
 * The web portal in real headless Chromium (`npm run bench -- portal`), against a real local
 * server holding 10,000 investigations:
 * - first render of the list: from navigation to the first rows visible, and to all 10,000
 *   loaded into the virtualized list; medians of a few runs, beside a blank page's load time
 *   measured in the same run on the same server;
 * - a timeline event from the engine to the screen: stored and published on the server's bus
 *   exactly as the worker does, timestamped when the open investigation's DOM shows it (p95);
 * - the renderer bundle's size, raw and gzip.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Investigation } from '@opsworker/shared';
import { timelineEvent } from '../cloud/src/investigations/timeline-event.ts';
import { ensureRendererBuilt } from '../desktop/scripts/ensure-renderer-built.ts';
import { connectPortal, openPortalBrowser } from '../test/src/portal/portal-browser.ts';
import { startTestServer, type TestServer } from '../test/src/support/test-server.ts';
import type { BenchResult } from './support/bench-result.ts';
import { median, percentile, round } from './support/stats.ts';

const INVESTIGATIONS = 10_000;
const RENDER_RUNS = 5;
const TIMELINE_EVENTS = 60;
const ORG = 'default';

function seedInvestigations(count: number): Investigation[] {
  const start = Date.parse('2026-11-01T00:00:00.000Z');
  const severities = ['info', 'warning', 'error', 'critical'] as const;
  return Array.from({ length: count }, (_, index) => {
    const at = new Date(start + index * 60_000).toISOString();
    return {
      id: `inv_bench_${String(index).padStart(5, '0')}`,
      orgId: ORG,
      status: index % 7 === 0 ? 'running' : 'completed',
      title: `KubePodCrashLooping checkout-${index % 50} in shop-${index % 9}`,
      severity: severities[index % 4]!,
      scope: {
        cluster: 'prod-eu-1',
        namespace: `shop-${index % 9}`,
        kind: 'deployments',
        name: `checkout-${index % 50}`,
      },
      trigger: { type: 'manual' },
      alertIds: [],
      groupKey: `bench/${index}`,
      createdAt: at,
      updatedAt: at,
    };
  });
}

async function bundleSize(): Promise<BenchResult[]> {
  const { outDir } = await ensureRendererBuilt();
  const assets = join(outDir, 'assets');
  let raw = 0;
  let gzip = 0;
  const files = readdirSync(assets).filter((name) => /\.(js|css)$/.test(name));
  for (const name of files) {
    const bytes = readFileSync(join(assets, name));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return [
    { name: 'portal: renderer bundle (JS + CSS)', value: round(raw / 1024, 1), unit: 'KiB raw' },
    {
      name: 'portal: renderer bundle gzip',
      value: round(gzip / 1024, 1),
      unit: 'KiB gzip',
      detail: files.join(', '),
    },
  ];
}

const nowMs = () => performance.timeOrigin + performance.now();

async function firstRender(server: TestServer): Promise<BenchResult[]> {
  const browser = await openPortalBrowser();
  const { page } = browser;
  try {
    await connectPortal(page, server.url, server.apiToken);
    const blank: number[] = [];
    const firstRows: number[] = [];
    const allRows: number[] = [];
    for (let run = 0; run < RENDER_RUNS + 1; run++) {
      await page.goto('about:blank');
      let started = nowMs();
      await page.goto(`${server.url}/healthz`);
      const blankMs = nowMs() - started;
      await page.goto('about:blank');
      started = nowMs();
      // The token is in the tab's sessionStorage: the app opens straight on the list.
      await page.goto(`${server.url}/#/investigations`, { waitUntil: 'commit' });
      await page.locator('.list-item').first().waitFor({ timeout: 30_000 });
      const first = nowMs() - started;
      await page
        .getByText(`${INVESTIGATIONS.toLocaleString('en-US')} investigations`, { exact: true })
        .waitFor({ timeout: 30_000 });
      const all = nowMs() - started;
      if (run === 0) continue; // warm-up: first compile of the bundle, caches
      blank.push(blankMs);
      firstRows.push(first);
      allRows.push(all);
    }
    const rendered = Number(await page.evaluate("document.querySelectorAll('.list-item').length"));
    const medianFirst = median(firstRows);
    return [
      {
        name: `portal: first render of the list of ${INVESTIGATIONS.toLocaleString('en-US')} investigations`,
        value: round(medianFirst, 0),
        unit: 'ms (median, navigation → rows visible)',
        target: '≤ 1000 ms',
        met: medianFirst <= 1000,
        detail: `a blank page from the same server: ${round(median(blank), 0)} ms; ${rendered} row elements in the page (virtualized)`,
      },
      {
        name: `portal: all ${INVESTIGATIONS.toLocaleString('en-US')} loaded into the list`,
        value: round(median(allRows), 0),
        unit: 'ms (median, navigation → last page in the list)',
        detail: 'the rest arrives in pages of 500 behind the first rows; the list stays usable meanwhile',
      },
    ];
  } finally {
    await browser.close();
  }
}

async function timelineLatency(server: TestServer, investigationId: string): Promise<BenchResult[]> {
  const browser = await openPortalBrowser();
  const { page } = browser;
  try {
    await connectPortal(page, server.url, server.apiToken);
    await page.goto(`${server.url}/#/investigations/${investigationId}`);
    await page.locator('.stream-open').waitFor();
    // Timestamps each timeline entry the moment it enters the DOM, on the same clock as ours.
    await page.evaluate(`(() => {
      window.__seen = {};
      new MutationObserver(() => {
        for (const node of document.querySelectorAll('.timeline-event[data-seq]')) {
          const seq = node.getAttribute('data-seq');
          if (!(seq in window.__seen)) window.__seen[seq] = performance.timeOrigin + performance.now();
        }
      }).observe(document.body, { childList: true, subtree: true });
    })()`);
    const latencies: number[] = [];
    for (let index = 0; index < TIMELINE_EVENTS; index++) {
      const seq = await server.sequencer.next(ORG, investigationId);
      const event = timelineEvent({
        orgId: ORG,
        investigationId,
        seq,
        at: new Date(),
        type: 'step',
        message: `Bench step ${index}: read the pods of checkout`,
      });
      await server.store.apply({ timeline: [event] });
      const published = nowMs();
      server.bus.publish(ORG, { type: 'timeline', event });
      await page.locator(`.timeline-event[data-seq="${seq}"]`).waitFor();
      const shown = Number(await page.evaluate(`window.__seen['${seq}']`));
      latencies.push(shown - published);
    }
    const p95 = percentile(latencies, 95);
    return [
      {
        name: 'portal: timeline event, engine → screen',
        value: round(p95, 1),
        unit: 'ms p95',
        target: '≤ 250 ms',
        met: p95 <= 250,
        detail: `median ${round(median(latencies), 1)} ms over ${TIMELINE_EVENTS} events`,
      },
    ];
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const results = await bundleSize();
  const server = await startTestServer();
  try {
    const seeded = seedInvestigations(INVESTIGATIONS);
    for (let at = 0; at < seeded.length; at += 1000)
      await server.store.apply({ investigations: seeded.slice(at, at + 1000) });
    results.push(...(await firstRender(server)));
    results.push(...(await timelineLatency(server, seeded.at(-1)!.id)));
  } finally {
    await server.stop();
  }
  return results;
}
