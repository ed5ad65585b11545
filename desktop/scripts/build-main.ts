// Bundles the Electron main process and the preload into desktop/dist (main.cjs, preload.cjs).
// Electron's Node cannot strip TypeScript from node_modules paths and a sandboxed preload may only
// require 'electron', so both are single CommonJS files with everything else inlined.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';

const desktopDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildMain(outDir = join(desktopDir, 'dist')): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    sourcemap: 'linked',
    logLevel: 'warning',
    legalComments: 'none',
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [join(desktopDir, 'src/main/main.ts')],
      outfile: join(outDir, 'main.cjs'),
      platform: 'node',
      target: 'node22', // Electron 45's Node
    }),
    build({
      ...common,
      entryPoints: [join(desktopDir, 'src/preload/preload.ts')],
      outfile: join(outDir, 'preload.cjs'),
      platform: 'browser',
      target: 'chrome140',
    }),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildMain();
  console.log('desktop: built dist/main.cjs and dist/preload.cjs');
}
