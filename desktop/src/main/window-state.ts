import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { screen } from 'electron';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { z } from 'zod';

const WindowState = z.object({
  bounds: z.object({
    x: z.number().int().optional(),
    y: z.number().int().optional(),
    width: z.number().int().min(400).max(20_000),
    height: z.number().int().min(300).max(20_000),
  }),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export const defaultWindowState: WindowState = { bounds: { width: 1280, height: 820 }, maximized: false };

/** Saving waits this long after the last move or resize: dragging a window fires hundreds of events. */
export const saveDelayMs = 400;

/**
 * The main window's size, position and maximized state, kept with lowdb in
 * `<userData>/window-state.json` so the app reopens where it was left.
 */
export class WindowStateKeeper {
  readonly #db: Low<WindowState>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: (() => Promise<void>) | undefined;
  /** Writes run one after another, so an older state never lands after a newer one. */
  #writing: Promise<void> = Promise.resolve();

  private constructor(db: Low<WindowState>) {
    this.#db = db;
  }

  static async open(userDataDir: string): Promise<WindowStateKeeper> {
    await mkdir(userDataDir, { recursive: true });
    const file = new DataFile<WindowState>(join(userDataDir, 'window-state.json'), {
      // A hand-edited or corrupted file falls back to the default instead of stopping the app.
      parse: (text) => {
        try {
          return WindowState.parse(JSON.parse(text));
        } catch {
          return structuredClone(defaultWindowState);
        }
      },
      stringify: (data) => `${JSON.stringify(data, null, 2)}\n`,
    });
    const db = new Low(file, structuredClone(defaultWindowState));
    await db.read();
    return new WindowStateKeeper(db);
  }

  /** The saved state, with the position dropped when no connected display shows it any more. */
  restored(): WindowState {
    const { bounds, maximized } = this.#db.data;
    if (bounds.x === undefined || bounds.y === undefined) return { bounds, maximized };
    const visible = screen
      .getAllDisplays()
      .some((display) => overlapsEnough(bounds as Rectangle, display.workArea));
    return visible
      ? { bounds, maximized }
      : { bounds: { width: bounds.width, height: bounds.height }, maximized };
  }

  /** Follows the window: saves (debounced) after moves and resizes, at once when it closes. */
  track(window: BrowserWindow): void {
    const capture = (): WindowState => ({
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    });
    const schedule = () => {
      if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
      const state = capture();
      this.#pending = () => this.#save(state);
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.flush(), saveDelayMs);
    };
    window.on('resize', schedule);
    window.on('move', schedule);
    window.on('maximize', schedule);
    window.on('unmaximize', schedule);
    window.on('close', () => {
      if (!window.isMinimized() && !window.isFullScreen()) this.#pending = () => this.#save(capture());
      void this.flush();
    });
  }

  /** Writes a pending change now (on close, and for tests); resolves when every write has landed. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending !== undefined) this.#writing = this.#writing.then(pending, pending);
    return this.#writing;
  }

  async #save(state: WindowState): Promise<void> {
    const parsed = WindowState.safeParse(state);
    if (!parsed.success) return;
    this.#db.data = parsed.data;
    try {
      await this.#db.write();
    } catch (error) {
      // Losing the window position is not worth stopping the app for.
      console.warn('OpsWorker could not save the window position:', error);
    }
  }
}

/** At least a 100×50 corner of the window (enough to grab it) lies on the display. */
function overlapsEnough(window: Rectangle, area: Rectangle): boolean {
  const width = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  const height = Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
  return width >= 100 && height >= 50;
}
