import { AgentBusyError, OperationTimeoutError } from '../errors.ts';

/** Frees the slot; calling it twice is harmless. */
export type Release = () => void;

export type ConcurrencyGate = {
  /** Waits for a slot. Throws AgentBusyError when the queue is full, OperationTimeoutError when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<Release>;
  readonly running: number;
  readonly queued: number;
};

/** A semaphore with a bounded FIFO wait queue. */
export function createConcurrencyGate(maxConcurrent: number, maxQueued: number): ConcurrencyGate {
  let running = 0;
  const waiting: Array<() => void> = [];

  function release(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = waiting.shift();
      if (next) next();
      else running--;
    };
  }

  return {
    get running() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
    acquire(signal) {
      if (signal?.aborted)
        return Promise.reject(new OperationTimeoutError('timed out before it could start'));
      if (running < maxConcurrent) {
        running++;
        return Promise.resolve(release());
      }
      if (waiting.length >= maxQueued) {
        return Promise.reject(
          new AgentBusyError(`${running} operations running and ${waiting.length} queued`, {
            userMessage: 'the agent is busy with other operations; try again shortly',
          }),
        );
      }
      return new Promise<Release>((resolve, reject) => {
        // The slot is handed over directly: `running` stays the same.
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release());
        };
        const onAbort = () => {
          const index = waiting.indexOf(grant);
          if (index >= 0) waiting.splice(index, 1);
          reject(new OperationTimeoutError('timed out waiting for a free slot'));
        };
        waiting.push(grant);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
