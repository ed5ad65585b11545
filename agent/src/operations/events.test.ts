import { ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { shopContext } from '../fixtures/operation-context.ts';
import { runEvents } from './events.ts';
import type { CompactEvent } from './load-events.ts';

describe('runEvents', () => {
  describe('when events are asked for one object', () => {
    it('returns only its events, newest last, in the compact shape', async () => {
      const { result } = await runEvents(
        { op: 'events', namespace: 'shop', involvedObject: { kind: 'pods', name: 'web-7d9f8c6b5-x2x4k' } },
        shopContext(),
      );
      const events = result as CompactEvent[];
      expect(events.map((e) => e.reason)).toEqual(['Scheduled', 'Pulled', 'BackOff']);
      expect(events.at(-1)).toEqual({
        type: 'Warning',
        reason: 'BackOff',
        message:
          'Back-off restarting failed container web in pod web-7d9f8c6b5-x2x4k_shop(pod-web-x2x4k-uid)',
        object: 'Pod/web-7d9f8c6b5-x2x4k',
        namespace: 'shop',
        count: 10,
        firstSeen: '2025-11-24T09:31:00Z',
        lastSeen: '2025-11-24T09:58:00Z',
        source: 'kubelet',
      });
    });
  });

  describe('when the object name could rewrite the field selector', () => {
    it('refuses it as an invalid name', async () => {
      const attempt = runEvents(
        {
          op: 'events',
          namespace: 'shop',
          involvedObject: { kind: 'pods', name: 'x,involvedObject.kind!=Pod' },
        },
        shopContext(),
      );
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe('when there are more events than the limit', () => {
    it('keeps the newest and marks the result truncated', async () => {
      const output = await runEvents({ op: 'events', namespace: 'shop', limit: 2 }, shopContext());
      expect((output.result as CompactEvent[]).map((e) => e.reason)).toEqual([
        'BackOff',
        'ProvisioningFailed',
      ]);
      expect(output.truncated).toBe(true);
    });
  });
});
