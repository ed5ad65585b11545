import { useSyncExternalStore } from 'react';

/**
 * The app's pages. Routing is on the URL hash (`#/investigations/inv_1`): the same build then
 * works from a file in the desktop app and from any path of the portal, and a reload keeps
 * the page.
 */
export type Route =
  | { page: 'investigations'; id?: string }
  | { page: 'investigate' }
  | { page: 'rules'; ruleId?: string }
  | { page: 'insights' }
  | { page: 'settings' }
  | { page: 'not-found'; path: string };

export function parseRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [page, id] = parts;
  if (page === undefined || (page === 'investigations' && parts.length <= 2))
    return id ? { page: 'investigations', id } : { page: 'investigations' };
  if (page === 'investigate' && parts.length === 1) return { page: 'investigate' };
  if (page === 'rules' && parts.length <= 2) return id ? { page: 'rules', ruleId: id } : { page: 'rules' };
  if (page === 'insights' && parts.length === 1) return { page: 'insights' };
  if (page === 'settings' && parts.length === 1) return { page: 'settings' };
  return { page: 'not-found', path };
}

export function routePath(route: Exclude<Route, { page: 'not-found' }>): string {
  if (route.page === 'investigations')
    return route.id ? `/investigations/${encodeURIComponent(route.id)}` : '/investigations';
  if (route.page === 'rules') return route.ruleId ? `/rules/${encodeURIComponent(route.ruleId)}` : '/rules';
  return `/${route.page}`;
}

const currentPath = () => window.location.hash.replace(/^#/, '') || '/';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentPath));
}

/** Goes to an app path such as `/investigations/inv_1` (deep links arrive in this form too). */
export function navigate(path: string): void {
  window.location.hash = path.startsWith('/') ? path : `/${path}`;
}

/** The `href` of a link to an app path. */
export const hrefFor = (path: string): string => `#${path}`;
