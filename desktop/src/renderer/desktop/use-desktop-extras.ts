import type { Investigation } from '@opsworker/shared';
import { useEffect } from 'react';
import type { DesktopBridge } from '../../bridge.ts';
import { navigate } from '../app/router.ts';
import type { Session } from '../connection/ConnectionContext.tsx';

const isOpen = (investigation: Investigation) =>
  investigation.status === 'queued' || investigation.status === 'running';

/**
 * What only the desktop app does (nothing when `window.opsworker` is absent): a native
 * notification for each new critical investigation, the open count on the tray icon, and deep
 * links (`opsworker://investigations/<id>`) opening the investigation.
 */
export function useDesktopExtras(bridge: DesktopBridge | undefined, session: Session): void {
  const { api, orgEvents } = session;

  useEffect(() => {
    if (!bridge) return;
    return bridge.onNavigate((path) => navigate(path));
  }, [bridge]);

  useEffect(() => {
    if (!bridge) return;
    let cancelled = false;
    const open = new Set<string>();
    const seen = new Set<string>();
    const report = () => bridge.setOpenCount(open.size);
    const recount = async () => {
      const [queued, running] = await Promise.all([
        api.listInvestigations({ status: 'queued', limit: 500 }),
        api.listInvestigations({ status: 'running', limit: 500 }),
      ]);
      if (cancelled) return;
      open.clear();
      for (const investigation of [...queued.items, ...running.items]) {
        open.add(investigation.id);
        seen.add(investigation.id);
      }
      report();
    };
    void recount().catch(() => {});
    const unsubscribe = orgEvents.subscribe((event) => {
      if (event.type !== 'investigation') return;
      const { investigation } = event;
      if (!seen.has(investigation.id)) {
        seen.add(investigation.id);
        // Only a new one: an old investigation changing (feedback, resolved) is no news.
        if (investigation.severity === 'critical' && isOpen(investigation))
          void bridge.notify({
            title: `Critical: ${investigation.title}`,
            body: 'OpsWorker is investigating. Click to follow it live.',
            investigationId: investigation.id,
          });
      }
      if (isOpen(investigation)) open.add(investigation.id);
      else open.delete(investigation.id);
      report();
    });
    const unsubscribeReconnect = orgEvents.onReconnected(() => void recount().catch(() => {}));
    return () => {
      cancelled = true;
      unsubscribe();
      unsubscribeReconnect();
    };
  }, [bridge, api, orgEvents]);
}
