import { Notification } from 'electron';
import type { z } from 'zod';
import type { NotificationInput } from './ipc/schemas.ts';

/**
 * Native notifications (the renderer asks for one when a new critical investigation appears).
 * Clicking one brings the app forward on that investigation.
 */
export function createNotifier(onClick: (path: string | null) => void) {
  // Electron drops click handlers of notifications that were garbage-collected: keep them alive.
  const shown = new Set<Notification>();
  return (input: z.infer<typeof NotificationInput>): void => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title: input.title, body: input.body });
    shown.add(notification);
    const forget = () => shown.delete(notification);
    notification.on('click', () => {
      forget();
      onClick(input.investigationId === undefined ? null : `/investigations/${input.investigationId}`);
    });
    notification.on('close', forget);
    notification.show();
  };
}
