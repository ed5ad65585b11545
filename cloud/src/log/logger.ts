export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown): void;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause ? ` (cause: ${describeError(error.cause)})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}

/** One line per entry on stderr (stdout stays for what the user asked to see). */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const emit = (entryLevel: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[entryLevel] < ORDER[level]) return;
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    write(`${new Date().toISOString()} ${entryLevel.toUpperCase().padEnd(5)} ${message}${extra}\n`);
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, error) =>
      emit('error', error === undefined ? message : `${message}: ${describeError(error)}`),
  };
}
