import { type Logger, LogLevel } from '@slack/bolt';

/** The bot's log: the same shape as the server's logger, so `npm start` passes its own. */
export interface SlackLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * Bolt's Logger over ours, with a `slack:` prefix. Bolt logs at info what is debug for us
 * (each socket (re)connection), so its info lines go to our debug level.
 */
export function boltLogger(log: SlackLog): Logger {
  let level = LogLevel.INFO;
  let name = 'slack';
  const enabled = (at: LogLevel) => ORDER.indexOf(at) >= ORDER.indexOf(level);
  const text = (parts: unknown[]) =>
    `${name}: ${parts.map((part) => (typeof part === 'string' ? part : safeJson(part))).join(' ')}`;
  return {
    debug: (...parts: unknown[]) => enabled(LogLevel.DEBUG) && log.debug(text(parts)),
    info: (...parts: unknown[]) => enabled(LogLevel.INFO) && log.debug(text(parts)),
    warn: (...parts: unknown[]) => enabled(LogLevel.WARN) && log.warn(text(parts)),
    error: (...parts: unknown[]) => log.error(text(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}

function safeJson(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
