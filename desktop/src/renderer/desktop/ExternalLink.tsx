import type { ReactNode } from 'react';

/**
 * A link to outside OpsWorker (Grafana, runbooks). On the desktop it opens in the system browser
 * through the bridge (which only accepts http and https); in the portal, in a new tab.
 */
export function ExternalLink(props: { href: string; children: ReactNode }) {
  const safe = /^https?:\/\//i.test(props.href);
  if (!safe) return <span className="muted">{props.children}</span>;
  return (
    <a
      href={props.href}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        const bridge = window.opsworker;
        if (!bridge) return;
        event.preventDefault();
        void bridge.openExternal(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
