// Exercises the real electron-builder configuration offline: Electron's binary cannot be
// downloaded here, so a folder holding a file named `electron` stands in for the Electron
// distribution (`electronDist`) and only the unpacked app (`--dir`) is built. A user with
// internet gets the installers from the same configuration with `npm run desktop:dist`.
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildMain } from '../../../desktop/scripts/build-main.ts';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const desktopDir = join(repoRoot, 'desktop');
const require = createRequire(import.meta.url);
const run = promisify(execFile);

let work: string;
let unpacked: string;
let asarFiles: string[];
let desktopEntry: string;

/**
 * A copy of the desktop package holding what `npm run desktop:dist` would have built: the
 * main and preload bundles (built here), the renderer (the real build when present, else a
 * stand-in page: the renderer's own tests cover its content), the icon and the configuration.
 */
async function stageProject(project: string): Promise<void> {
  await mkdir(join(project, 'build'), { recursive: true });
  for (const file of ['package.json', 'electron-builder.yml', 'build/icon.png']) {
    await cp(join(desktopDir, file), join(project, file));
  }
  // The real package resolves its dependencies from the workspace; so does the copy.
  await symlink(join(repoRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  await buildMain(join(project, 'dist'));
  const rendererIndex = join(desktopDir, 'dist', 'renderer', 'index.html');
  if (await exists(rendererIndex)) {
    await cp(join(desktopDir, 'dist', 'renderer'), join(project, 'dist', 'renderer'), { recursive: true });
  } else {
    await mkdir(join(project, 'dist', 'renderer', 'assets'), { recursive: true });
    await writeFile(
      join(project, 'dist', 'renderer', 'index.html'),
      '<!doctype html><title>OpsWorker</title>',
    );
    await writeFile(join(project, 'dist', 'renderer', 'assets', 'index.js'), 'export {};');
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'opsworker-packaging-'));
  const project = join(work, 'desktop');
  await stageProject(project);
  const electronDist = join(work, 'electron-dist');
  await mkdir(electronDist);
  await writeFile(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n');
  await chmod(join(electronDist, 'electron'), 0o755);
  const output = join(work, 'release');

  const { build, Platform } = await import('electron-builder');
  // The Linux .desktop file is only written by the AppImage/deb targets, which need tools
  // downloaded from the internet; compute it from the same packager the --dir build used.
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper.js');
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir'),
    config: {
      electronDist,
      directories: { output },
      afterPack: async (context) => {
        const helper = new LinuxTargetHelper(context.packager);
        desktopEntry = await helper.computeDesktopEntry(context.packager.platformSpecificBuildOptions);
      },
    },
  });
  unpacked = join(output, 'linux-unpacked');
  const asar = require.resolve('@electron/asar/bin/asar.js');
  const listing = await run(process.execPath, [asar, 'list', join(unpacked, 'resources', 'app.asar')]);
  asarFiles = listing.stdout.split('\n').filter((line) => line !== '');
}, 180_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('electron-builder packaging (offline, --dir)', () => {
  it('puts the Electron executable under the app name', async () => {
    expect(await exists(join(unpacked, 'opsworker'))).toBe(true);
  });

  it('packs the main bundle, the preload and the renderer, and no node_modules or source maps', () => {
    expect(asarFiles).toContain('/dist/main.cjs');
    expect(asarFiles).toContain('/dist/preload.cjs');
    expect(asarFiles).toContain('/dist/renderer/index.html');
    expect(asarFiles.some((file) => file.startsWith('/dist/renderer/assets/'))).toBe(true);
    expect(asarFiles.filter((file) => file.includes('node_modules') || file.endsWith('.map'))).toEqual([]);
  });

  it('points the packaged package.json at the main bundle', async () => {
    const asar = require.resolve('@electron/asar/bin/asar.js');
    const extracted = join(work, 'extracted');
    await run(process.execPath, [asar, 'extract', join(unpacked, 'resources', 'app.asar'), extracted]);
    const pkg = JSON.parse(await readFile(join(extracted, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main.cjs');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('registers opsworker:// links in the Linux desktop entry', () => {
    expect(desktopEntry).toContain('Name=OpsWorker');
    expect(desktopEntry).toMatch(/^Exec=.*opsworker %U$/m);
    expect(desktopEntry).toContain('MimeType=x-scheme-handler/opsworker;');
  });

  it('configures AppImage and deb, dmg and nsis with the opsworker scheme and the icon', async () => {
    const config = parse(await readFile(join(desktopDir, 'electron-builder.yml'), 'utf8'));
    expect(config.productName).toBe('OpsWorker');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.protocols).toEqual([{ name: expect.any(String), schemes: ['opsworker'] }]);
    for (const platform of ['linux', 'mac', 'win']) expect(config[platform].icon).toBe('build/icon.png');
  });

  it('names the Electron version that is installed', async () => {
    const config = parse(await readFile(join(desktopDir, 'electron-builder.yml'), 'utf8'));
    const installed = JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')).version;
    expect(config.electronVersion).toBe(installed);
  });
});
