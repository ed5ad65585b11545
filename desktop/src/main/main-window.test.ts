import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, calls, resetFakeElectron } from './test-support/fake-electron.ts';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

const { createMainWindow } = await import('./main-window.ts');
const { WindowStateKeeper } = await import('./window-state.ts');

let userData: string;
let window: BrowserWindow;

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'opsworker-main-window-'));
  resetFakeElectron(userData);
  const windowState = await WindowStateKeeper.open(userData);
  createMainWindow({ preloadPath: '/app/dist/preload.cjs', version: '1.2.3', windowState });
  window = BrowserWindow.instances[0]!;
});
afterEach(() => rm(userData, { recursive: true, force: true }));

describe('the main window', () => {
  it('runs the renderer isolated, sandboxed and without Node.js', () => {
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/preload.cjs',
      additionalArguments: ['--opsworker-version=1.2.3'],
    });
  });

  it('loads the renderer from the app:// origin and shows once ready', () => {
    expect(window.loadedUrls).toEqual(['app://opsworker/']);
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('stays on its own pages and sends web links to the browser', () => {
    expect(window.webContents.attemptNavigation('app://opsworker/index.html')).toBe(false);
    expect(window.webContents.attemptNavigation('https://grafana.example.com/d/abc')).toBe(true);
    expect(calls.openExternal).toEqual(['https://grafana.example.com/d/abc']);
  });

  it('never hands other schemes to the operating system', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://share/x',
      'opsworker://investigations/x',
    ]) {
      expect(window.webContents.attemptNavigation(url)).toBe(true);
    }
    expect(calls.openExternal).toEqual([]);
  });

  it('opens no new windows: http(s) goes to the browser, the rest nowhere', () => {
    const open = window.webContents.windowOpenHandler!;
    expect(open({ url: 'https://runbooks.example.com/oom' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(calls.openExternal).toEqual(['https://runbooks.example.com/oom']);
  });

  it('blocks redirects away from the app and webviews', () => {
    let redirectBlocked = false;
    window.webContents.emit(
      'will-redirect',
      { preventDefault: () => (redirectBlocked = true) },
      'https://evil.example.com',
    );
    let webviewBlocked = false;
    window.webContents.emit('will-attach-webview', { preventDefault: () => (webviewBlocked = true) });
    expect(redirectBlocked).toBe(true);
    expect(webviewBlocked).toBe(true);
  });
});
