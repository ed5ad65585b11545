/**
 * Lets a polling loop sleep until something it waits for happened (a slot freed up) or it is
 * being stopped. `notify` with nobody waiting is a no-op: the loop re-checks its state before
 * every wait, and nothing runs between that check and the wait.
 */
export function createWakeup(signal: AbortSignal): { wait(): Promise<void>; notify(): void } {
  let wake: (() => void) | undefined;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  signal.addEventListener('abort', notify, { once: true });
  return {
    wait: () =>
      signal.aborted
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            wake = resolve;
          }),
    notify,
  };
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
