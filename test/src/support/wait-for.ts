/**
 * Polls `probe` until it returns something other than `undefined` or `false`, and returns it.
 * Asynchronous systems (the ingest pipeline, Alertmanager's group timers) are waited on with
 * a deadline, never with a fixed sleep; on timeout the error shows the last thing seen.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  options: { timeoutMs?: number; intervalMs?: number; lastSeen?: () => unknown } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = options.lastSeen ? `\nlast seen: ${JSON.stringify(options.lastSeen(), null, 2)}` : '';
      const failed = lastError ? `\nlast error: ${String(lastError)}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${seen}${failed}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}
