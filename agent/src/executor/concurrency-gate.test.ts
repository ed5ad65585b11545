import { describe, expect, it } from 'vitest';
import { AgentBusyError, OperationTimeoutError } from '../errors.ts';
import { createConcurrencyGate } from './concurrency-gate.ts';

describe('createConcurrencyGate', () => {
  describe('when slots are free', () => {
    it('grants them at once', async () => {
      const gate = createConcurrencyGate(2, 1);
      await gate.acquire();
      await gate.acquire();
      expect(gate.running).toBe(2);
    });
  });

  describe('when every slot is taken', () => {
    it('queues in arrival order and hands a released slot to the first waiter', async () => {
      const gate = createConcurrencyGate(1, 2);
      const release = await gate.acquire();
      const order: string[] = [];
      const waitFor = (name: string) =>
        gate.acquire().then((granted) => {
          order.push(name);
          return granted;
        });
      const a = waitFor('a');
      const b = waitFor('b');
      expect(gate.queued).toBe(2);
      release();
      (await a)();
      (await b)();
      expect(order).toEqual(['a', 'b']);
      expect(gate.running).toBe(0);
    });

    it('answers busy once the queue is full', async () => {
      const gate = createConcurrencyGate(1, 1);
      await gate.acquire();
      void gate.acquire();
      await expect(gate.acquire()).rejects.toBeInstanceOf(AgentBusyError);
    });

    it('drops a waiter whose deadline passes, keeping the slot count right', async () => {
      const gate = createConcurrencyGate(1, 1);
      const release = await gate.acquire();
      const controller = new AbortController();
      const waiting = gate.acquire(controller.signal);
      controller.abort();
      await expect(waiting).rejects.toBeInstanceOf(OperationTimeoutError);
      expect(gate.queued).toBe(0);
      release();
      release();
      expect(gate.running).toBe(0);
    });
  });
});
