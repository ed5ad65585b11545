/** Where the transport reports what an operator may need to see; never request contents. */
export interface TransportLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON object per line, the shape log collectors in a cluster parse without configuration. */
export function jsonLinesLog(stream: NodeJS.WritableStream = process.stderr): TransportLog {
  const write = (level: string, message: string, fields?: Record<string, unknown>) => {
    stream.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
  };
}

/** For callers that want no output. */
export const silentLog: TransportLog = { info() {}, warn() {} };

/** The text of an error for the operator's log (not for end users). */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
