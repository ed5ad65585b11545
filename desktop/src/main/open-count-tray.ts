import { app, Menu, type NativeImage, Tray } from 'electron';

export interface OpenCountTrayOptions {
  icon: NativeImage;
  onOpen: () => void;
  onQuit: () => void;
}

export interface OpenCountTray {
  setOpenCount(count: number): void;
  destroy(): void;
}

/** The tray icon: how many investigations are open at a glance, and a way back into the app. */
export function createOpenCountTray(options: OpenCountTrayOptions): OpenCountTray {
  const tray = new Tray(options.icon);
  tray.on('click', options.onOpen);
  const show = (count: number) => {
    const summary = describeOpenCount(count);
    tray.setToolTip(`OpsWorker — ${summary}`);
    // The number beside the icon is macOS only; elsewhere the tooltip and menu say it.
    tray.setTitle(count > 0 ? String(count) : '');
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open OpsWorker', click: options.onOpen },
        { label: summary, enabled: false },
        { type: 'separator' },
        { label: 'Quit OpsWorker', click: options.onQuit },
      ]),
    );
    app.setBadgeCount(count);
  };
  show(0);
  return { setOpenCount: show, destroy: () => tray.destroy() };
}

export function describeOpenCount(count: number): string {
  if (count === 0) return 'no open investigations';
  return count === 1 ? '1 open investigation' : `${count} open investigations`;
}
