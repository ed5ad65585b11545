import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetFakeElectron, screen } from './test-support/fake-electron.ts';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

const { WindowStateKeeper, defaultWindowState, saveDelayMs } = await import('./window-state.ts');

let userData: string;
const stateFile = () => join(userData, 'window-state.json');
const saved = async () => JSON.parse(await readFile(stateFile(), 'utf8'));
const asElectronWindow = (window: BrowserWindow) => window as unknown as import('electron').BrowserWindow;

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'opsworker-window-state-'));
  resetFakeElectron(userData);
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(userData, { recursive: true, force: true });
});

describe('WindowStateKeeper', () => {
  it('starts with a sensible default size on first run', async () => {
    const keeper = await WindowStateKeeper.open(userData);
    expect(keeper.restored()).toEqual(defaultWindowState);
  });

  it('saves where the window was left and restores it on the next start', async () => {
    const keeper = await WindowStateKeeper.open(userData);
    const window = new BrowserWindow({ width: 1280, height: 820 });
    keeper.track(asElectronWindow(window));
    window.setBounds({ x: 40, y: 60, width: 1500, height: 900 });
    window.maximize();
    window.close();
    await keeper.flush();

    expect(await saved()).toEqual({ bounds: { x: 40, y: 60, width: 1500, height: 900 }, maximized: true });
    const next = await WindowStateKeeper.open(userData);
    expect(next.restored()).toEqual({ bounds: { x: 40, y: 60, width: 1500, height: 900 }, maximized: true });
  });

  it('writes once after a burst of resizes, not on every event', async () => {
    vi.useFakeTimers();
    const keeper = await WindowStateKeeper.open(userData);
    const window = new BrowserWindow({ width: 1280, height: 820 });
    keeper.track(asElectronWindow(window));
    for (let width = 800; width < 1200; width += 10) window.setBounds({ x: 0, y: 0, width, height: 700 });
    await expect(readFile(stateFile())).rejects.toThrow();

    await vi.advanceTimersByTimeAsync(saveDelayMs);
    await keeper.flush();
    expect(await saved()).toEqual({ bounds: { x: 0, y: 0, width: 1190, height: 700 }, maximized: false });
  });

  it('drops a position that no connected display shows any more', async () => {
    await writeFile(
      stateFile(),
      JSON.stringify({ bounds: { x: 3000, y: 200, width: 1000, height: 700 }, maximized: false }),
    );
    screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
    const keeper = await WindowStateKeeper.open(userData);
    expect(keeper.restored()).toEqual({ bounds: { width: 1000, height: 700 }, maximized: false });
  });

  it('falls back to the default when the file is corrupted or out of range', async () => {
    await writeFile(stateFile(), '{ "bounds": oops');
    expect((await WindowStateKeeper.open(userData)).restored()).toEqual(defaultWindowState);
    await writeFile(stateFile(), JSON.stringify({ bounds: { width: 5, height: 5 }, maximized: false }));
    expect((await WindowStateKeeper.open(userData)).restored()).toEqual(defaultWindowState);
  });
});
