import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DESKTOP = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = join(DESKTOP, 'src', 'renderer');
/** Where the portal is built: the local server's default OPSWORKER_PORTAL_DIR. */
export const RENDERER_OUT_DIR = join(DESKTOP, 'dist', 'renderer');
const OUT_DIR = RENDERER_OUT_DIR;
/** Besides the renderer's sources, what changes the build. */
const INPUTS = [join(DESKTOP, 'vite.config.ts'), join(DESKTOP, 'src', 'bridge.ts')];

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    // Tests are not part of the bundle: editing one needs no rebuild.
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function mtimeOrZero(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when the built portal is missing or older than a renderer source (a stat per file: milliseconds). */
export function rendererBuildIsStale(): boolean {
  const built = mtimeOrZero(join(OUT_DIR, 'index.html'));
  if (built === 0) return true;
  const newest = Math.max(newestSourceMtime(SOURCES), ...INPUTS.map(mtimeOrZero));
  return newest > built;
}

/**
 * Builds the renderer (the desktop app's UI and the web portal) into `desktop/dist/renderer`
 * with Vite's JS API, only when it is missing or out of date. Returns whether it built and
 * how long that took, so callers can say so in one line.
 */
export async function ensureRendererBuilt(options: { force?: boolean } = {}): Promise<{
  built: boolean;
  ms: number;
  outDir: string;
}> {
  if (!options.force && !rendererBuildIsStale()) return { built: false, ms: 0, outDir: OUT_DIR };
  const started = performance.now();
  // Loaded only when needed: Vite is a large import and `npm start` is usually up to date.
  const { build } = await import('vite');
  await build({ configFile: join(DESKTOP, 'vite.config.ts'), logLevel: 'warn' });
  return { built: true, ms: Math.round(performance.now() - started), outDir: OUT_DIR };
}
