import { Alert, Investigation, TimelineEvent } from '@opsworker/shared';
import type { Connection } from '../connection/connection-store.ts';
import { openSseStream, type StreamStatus } from './sse-stream.ts';

export type OrgEvent =
  | { type: 'investigation'; investigation: Investigation }
  | { type: 'alert'; alert: Alert }
  | { type: 'timeline'; event: TimelineEvent };

/**
 * One live connection to `GET /api/events` shared by every view (the list, the tray count,
 * notifications). The stream has no history: after a reconnection, listeners of `onReconnected`
 * refetch what they show.
 */
export interface OrgEvents {
  subscribe(listener: (event: OrgEvent) => void): () => void;
  onReconnected(listener: () => void): () => void;
  /** Called at once with the current state, then on every change. */
  onStatus(listener: (status: StreamStatus, detail?: string) => void): () => void;
  close(): void;
}

export function parseOrgEvent(name: string, data: string): OrgEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (name === 'investigation') {
    const parsed = Investigation.safeParse(json);
    return parsed.success ? { type: 'investigation', investigation: parsed.data } : undefined;
  }
  if (name === 'alert') {
    const parsed = Alert.safeParse(json);
    return parsed.success ? { type: 'alert', alert: parsed.data } : undefined;
  }
  if (name === 'timeline') {
    const parsed = TimelineEvent.safeParse(json);
    return parsed.success ? { type: 'timeline', event: parsed.data } : undefined;
  }
  return undefined;
}

export function createOrgEvents(connection: Connection, fetchImpl?: typeof fetch): OrgEvents {
  const listeners = new Set<(event: OrgEvent) => void>();
  const reconnected = new Set<() => void>();
  const statusListeners = new Set<(status: StreamStatus, detail?: string) => void>();
  let current: { status: StreamStatus; detail?: string } = { status: 'connecting' };
  const add = <T>(set: Set<T>, item: T) => {
    set.add(item);
    return () => void set.delete(item);
  };
  const stream = openSseStream({
    url: `${connection.serverUrl.replace(/\/+$/, '')}/api/events`,
    token: connection.token,
    resumeFrom: () => undefined,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
    onMessage: (message) => {
      const event = parseOrgEvent(message.event, message.data);
      if (event) for (const listener of listeners) listener(event);
    },
    onReconnected: () => {
      for (const listener of reconnected) listener();
    },
    onStatus: (status, detail) => {
      current = { status, ...(detail ? { detail } : {}) };
      for (const listener of statusListeners) listener(status, detail);
    },
  });
  return {
    subscribe: (listener) => add(listeners, listener),
    onReconnected: (listener) => add(reconnected, listener),
    onStatus: (listener) => {
      listener(current.status, current.detail);
      return add(statusListeners, listener);
    },
    close: () => stream.close(),
  };
}
