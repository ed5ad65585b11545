import { beforeEach, describe, expect, it, vi } from 'vitest';
import { calls, resetFakeElectron, Tray } from './test-support/fake-electron.ts';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

const { createOpenCountTray } = await import('./open-count-tray.ts');

beforeEach(() => resetFakeElectron('/tmp/unused'));

function makeTray() {
  const onOpen = vi.fn();
  const onQuit = vi.fn();
  const tray = createOpenCountTray({ icon: {} as import('electron').NativeImage, onOpen, onQuit });
  return { tray, fake: Tray.instances[0]!, onOpen, onQuit };
}

const labels = (fake: Tray) => fake.menu!.items.map((item) => item.label ?? item.type);

describe('the tray icon', () => {
  it('starts with nothing open', () => {
    const { fake } = makeTray();
    expect(fake.toolTip).toBe('OpsWorker — no open investigations');
    expect(fake.title).toBe('');
    expect(labels(fake)).toEqual(['Open OpsWorker', 'no open investigations', 'separator', 'Quit OpsWorker']);
  });

  it('shows the open count in its title, tooltip, menu and the dock badge', () => {
    const { tray, fake } = makeTray();
    tray.setOpenCount(1);
    expect(fake.toolTip).toBe('OpsWorker — 1 open investigation');
    tray.setOpenCount(12);
    expect(fake.title).toBe('12');
    expect(fake.toolTip).toBe('OpsWorker — 12 open investigations');
    expect(labels(fake)[1]).toBe('12 open investigations');
    expect(fake.menu!.items[1]!.enabled).toBe(false);
    expect(calls.badgeCounts.at(-1)).toBe(12);
  });

  it('opens the app from a click or the menu, and quits from the menu', () => {
    const { fake, onOpen, onQuit } = makeTray();
    fake.emit('click');
    fake.menu!.items[0]!.click!();
    fake.menu!.items[3]!.click!();
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(onQuit).toHaveBeenCalledTimes(1);
  });
});
