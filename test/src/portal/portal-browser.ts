import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Flags that keep Debian's Chromium headless, quiet and offline (see the toolchain notes). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS_DIR = fileURLToPath(new URL('../../artifacts/portal/', import.meta.url));

export interface PortalBrowser {
  context: BrowserContext;
  page: Page;
  /** Saves a full-page screenshot as `test/artifacts/portal/<name>.png`. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Real headless Chromium (`/usr/bin/chromium`) on a throw-away profile. */
export async function openPortalBrowser(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<PortalBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'opsworker-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return {
    context,
    page,
    screenshot: async (name) => {
      await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the portal and connects with the API token, as a user does on first visit. */
export async function connectPortal(page: Page, url: string, apiToken: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('API token').fill(apiToken);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}
