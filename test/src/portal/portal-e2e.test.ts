import type { ChatMessage, Investigation } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../../../desktop/scripts/ensure-renderer-built.ts';
import { fireScenarioAlert } from '../engine-e2e/scenario-run.ts';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';
import { connectPortal, openPortalBrowser, type PortalBrowser } from './portal-browser.ts';

const SCENARIO = 'oom-killed';

/**
 * The web portal in real headless Chromium against a real local server investigating the
 * simulated cluster through the real agent. The investigation's last stage (the LLM stage's
 * seam) is held until the page is open, so the end of the timeline provably arrives live.
 */
describe('the web portal, in Chromium, while an alert is investigated', () => {
  let cluster: FakeCluster;
  let server: TestServer;
  let browser: PortalBrowser;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });

  beforeAll(async () => {
    const build = await ensureRendererBuilt();
    cluster = await startFakeCluster({ scenarios: [SCENARIO] });
    server = await startTestServer({
      env: { OPSWORKER_KUBECONFIG: cluster.kubeconfigPath, OPSWORKER_PORTAL_DIR: build.outDir },
      overrides: {
        runInvestigations: true,
        enrich: async () => {
          await held;
          return undefined;
        },
      },
    });
    browser = await openPortalBrowser();
    // A step that never happens fails in seconds, with the page's own errors in the output.
    browser.page.setDefaultTimeout(10_000);
    browser.page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  });
  afterAll(async () => {
    release();
    await browser?.close();
    await server?.stop();
    await cluster?.close();
  });

  const api = async <T>(path: string): Promise<T> => (await (await server.api(path)).json()) as T;

  it('goes from a fired alert to a stored feedback without a reload', async () => {
    const { page, screenshot } = browser;
    await connectPortal(page, server.url, server.apiToken);
    await page.getByText('No investigations yet').waitFor();
    // Survives only if the page is never reloaded.
    await page.evaluate('window.__opsworkerNoReload = true');
    await screenshot('1-empty-list');

    const scenario = cluster.scenarios.find((s) => s.name === SCENARIO) as ScenarioManifest;
    await fireScenarioAlert(server, scenario);
    const row = page
      .getByRole('listbox', { name: 'Investigations' })
      .getByRole('option')
      .filter({ hasText: 'analytics' });
    await row.waitFor();
    await screenshot('2-alert-in-list');

    await row.click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const header = page.getByRole('region', { name: 'Investigation' }).locator('.detail-header');
    // Held before completion: steps up to the deterministic report are there, the end is not.
    await timeline.locator('.event-report').first().waitFor();
    await expect(timeline.locator('.event-completed').count()).resolves.toBe(0);
    await header.getByText('investigating').waitFor();
    await screenshot('3-timeline-live');

    release();
    await timeline.locator('.event-completed').waitFor();
    await header.getByText('done').waitFor();
    const rootCause = page.getByRole('region', { name: 'Root cause' });
    await rootCause.locator('.root-cause-statement').waitFor();
    expect(await rootCause.textContent()).toMatch(/OOM|memory/i);
    await expect(
      page.getByRole('region', { name: 'Next steps' }).getByRole('button').count(),
    ).resolves.toBeGreaterThan(0);
    await screenshot('4-root-cause');

    await page.getByLabel('Your question').fill('show the previous logs');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const answer = page.locator('.message-assistant .message-text');
    await answer.first().waitFor();
    expect((await answer.first().textContent())?.length).toBeGreaterThan(0);
    await screenshot('5-follow-up-answered');

    await page.getByRole('button', { name: 'Accurate', exact: true }).click();
    await page.getByText('Thanks — feedback saved.').waitFor();
    await screenshot('6-feedback');

    const { items } = await api<{ items: Investigation[] }>('/api/investigations');
    const investigation = items[0]!;
    await waitFor('the feedback to be stored', async () => {
      const stored = await api<Investigation>(`/api/investigations/${investigation.id}`);
      return stored.feedback?.rating === 'accurate' && stored.feedback.via === 'desktop';
    });
    const messages = await api<{ items: ChatMessage[] }>(`/api/investigations/${investigation.id}/messages`);
    expect(messages.items.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(messages.items[0]?.text).toBe('show the previous logs');
    await expect(page.evaluate('window.__opsworkerNoReload')).resolves.toBe(true);
  }, 60_000);
});
