// A small hand-written stand-in for the parts of Electron the main process and preload use.
// Electron's binary cannot run here; tests do `vi.mock('electron', () => import('./test-support/fake-electron.ts'))`
// and drive the app through these fakes, which record what the code asked of Electron.
import { EventEmitter } from 'node:events';
import { dirname } from 'node:path';

type Listener = (...args: never[]) => unknown;

export const calls = {
  openExternal: [] as string[],
  protocolClients: [] as { scheme: string; args: unknown[] }[],
  privilegedSchemes: [] as unknown[],
  badgeCounts: [] as number[],
  dialogs: [] as { message: string; detail?: string }[],
  exposed: new Map<string, unknown>(),
  quit: 0,
};

class FakeApp extends EventEmitter {
  userData = '/tmp/opsworker-fake-user-data';
  appPath = '/tmp/opsworker-fake-app';
  hasLock = true;
  ready = false;
  #whenReady = Promise.withResolvers<void>();
  reset(userData: string, appPath: string) {
    this.removeAllListeners();
    this.userData = userData;
    this.appPath = appPath;
    this.hasLock = true;
    this.ready = false;
    this.#whenReady = Promise.withResolvers<void>();
  }
  requestSingleInstanceLock() {
    return this.hasLock;
  }
  quit() {
    calls.quit++;
  }
  whenReady() {
    return this.#whenReady.promise;
  }
  isReady() {
    return this.ready;
  }
  /** Test helper: Electron finished starting. */
  becomeReady() {
    this.ready = true;
    this.#whenReady.resolve();
  }
  getPath(name: string) {
    if (name === 'appData') return dirname(this.userData);
    if (name !== 'userData') throw new Error(`fake app.getPath(${name}) is not faked`);
    return this.userData;
  }
  setPath(name: string, path: string) {
    if (name !== 'userData') throw new Error(`fake app.setPath(${name}) is not faked`);
    this.userData = path;
  }
  getAppPath() {
    return this.appPath;
  }
  getVersion() {
    return '0.1.0';
  }
  setAsDefaultProtocolClient(scheme: string, ...args: unknown[]) {
    calls.protocolClients.push({ scheme, args });
    return true;
  }
  setBadgeCount(count: number) {
    calls.badgeCounts.push(count);
    return true;
  }
}

export class FakeWebContents extends EventEmitter {
  sent: { channel: string; args: unknown[] }[] = [];
  loading = true;
  reloads = 0;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  isLoading() {
    return this.loading;
  }
  reload() {
    this.reloads++;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Test helper: the page finished loading. */
  finishLoad() {
    this.loading = false;
    this.emit('did-finish-load');
  }
  /** Test helper: the page tries to navigate; returns whether Electron would have been stopped. */
  attemptNavigation(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
  webContents = new FakeWebContents();
  loadedUrls: string[] = [];
  bounds: Bounds;
  maximized = false;
  minimized = false;
  visible = false;
  focused = 0;
  destroyed = false;
  constructor(options: BrowserWindow['options']) {
    super();
    this.options = options;
    this.bounds = {
      x: (options.x as number | undefined) ?? 100,
      y: (options.y as number | undefined) ?? 100,
      width: options.width as number,
      height: options.height as number,
    };
    BrowserWindow.instances.push(this);
  }
  async loadURL(url: string) {
    this.loadedUrls.push(url);
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  setBounds(bounds: Bounds) {
    this.bounds = bounds;
    this.emit('resize');
  }
  isMaximized() {
    return this.maximized;
  }
  maximize() {
    this.maximized = true;
    this.emit('maximize');
  }
  isMinimized() {
    return this.minimized;
  }
  minimize() {
    this.minimized = true;
  }
  restore() {
    this.minimized = false;
  }
  isFullScreen() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  show() {
    this.visible = true;
  }
  focus() {
    this.focused++;
  }
  close() {
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    this.emit('closed');
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  listeners: new Map<string, IpcHandler>(),
  handle(channel: string, handler: IpcHandler) {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  },
  on(channel: string, listener: IpcHandler) {
    this.listeners.set(channel, listener);
  },
  /** Test helper: what ipcRenderer.invoke would do, sent from a frame at `frameUrl`. */
  async invoke(channel: string, args: unknown[], frameUrl = 'app://opsworker/'): Promise<unknown> {
    const handler = this.handlers.get(channel);
    // Electron's own answer for channels nobody handles.
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: { url: frameUrl } }, ...args);
  },
  /** Test helper: what ipcRenderer.send would do. */
  send(channel: string, args: unknown[], frameUrl = 'app://opsworker/'): void {
    this.listeners.get(channel)?.({ senderFrame: { url: frameUrl } }, ...args);
  },
};

/** A reversible stand-in for the OS keychain: XOR with a fixed byte behind a marker. */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  encrypted: [] as string[],
  isEncryptionAvailable() {
    return this.available;
  },
  getSelectedStorageBackend() {
    return this.backend;
  },
  encryptString(plain: string) {
    this.encrypted.push(plain);
    return Buffer.concat([Buffer.from('FAKE1'), Buffer.from(plain).map((byte) => byte ^ 0x5a)]);
  },
  decryptString(cipher: Buffer) {
    if (cipher.subarray(0, 5).toString() !== 'FAKE1')
      throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(cipher.subarray(5).map((byte) => byte ^ 0x5a)).toString();
  },
};

export const protocol = {
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]) {
    calls.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

export const shell = {
  async openExternal(url: string) {
    calls.openExternal.push(url);
  },
};

export class Notification extends EventEmitter {
  static instances: Notification[] = [];
  static supported = true;
  static isSupported() {
    return Notification.supported;
  }
  shown = false;
  options: { title: string; body: string };
  constructor(options: { title: string; body: string }) {
    super();
    this.options = options;
    Notification.instances.push(this);
  }
  show() {
    this.shown = true;
  }
}

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  toolTip = '';
  title = '';
  menu: { items: { label?: string; enabled?: boolean; click?: Listener; type?: string }[] } | undefined;
  destroyed = false;
  image: unknown;
  constructor(image: unknown) {
    super();
    this.image = image;
    Tray.instances.push(this);
  }
  setToolTip(text: string) {
    this.toolTip = text;
  }
  setTitle(text: string) {
    this.title = text;
  }
  setContextMenu(menu: Tray['menu']) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

export const Menu = {
  buildFromTemplate(items: { label?: string; enabled?: boolean; click?: Listener; type?: string }[]) {
    return { items };
  },
};

export const nativeImage = {
  createFromBuffer(buffer: Buffer) {
    return { kind: 'fake-native-image', size: buffer.length };
  },
};

export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays() {
    return this.displays;
  },
};

export const session = {
  defaultSession: {
    permissionRequestHandler: undefined as undefined | ((...args: never[]) => unknown),
    permissionCheckHandler: undefined as undefined | ((...args: never[]) => unknown),
    setPermissionRequestHandler(handler: (...args: never[]) => unknown) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: (...args: never[]) => unknown) {
      this.permissionCheckHandler = handler;
    },
  },
};

export const dialog = {
  async showMessageBox(options: { message: string; detail?: string }) {
    calls.dialogs.push({ message: options.message, ...(options.detail ? { detail: options.detail } : {}) });
    return { response: 0 };
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    calls.exposed.set(key, api);
  },
};

export const ipcRenderer = {
  invoked: [] as { channel: string; args: unknown[] }[],
  async invoke(channel: string, ...args: unknown[]) {
    this.invoked.push({ channel, args });
  },
  send() {},
  on() {},
};

export const app = new FakeApp();

/** Forgets everything recorded; call in beforeEach. */
export function resetFakeElectron(userData: string, appPath = userData): void {
  app.reset(userData, appPath);
  calls.openExternal.length = 0;
  calls.protocolClients.length = 0;
  calls.privilegedSchemes.length = 0;
  calls.badgeCounts.length = 0;
  calls.dialogs.length = 0;
  calls.exposed.clear();
  calls.quit = 0;
  BrowserWindow.instances.length = 0;
  Notification.instances.length = 0;
  Notification.supported = true;
  Tray.instances.length = 0;
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  ipcRenderer.invoked.length = 0;
  protocol.handlers.clear();
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.encrypted.length = 0;
  screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
  session.defaultSession.permissionRequestHandler = undefined;
  session.defaultSession.permissionCheckHandler = undefined;
}
