import { describe, expect, it, vi } from 'vitest';
import { calls } from '../main/test-support/fake-electron.ts';

vi.mock('electron', () => import('../main/test-support/fake-electron.ts'));

describe('the preload', () => {
  it('puts the bridge on window.opsworker and nothing else', async () => {
    await import('./preload.ts');
    expect([...calls.exposed.keys()]).toEqual(['opsworker']);
    expect(Object.keys(calls.exposed.get('opsworker') as object)).toContain('onNavigate');
    expect(Object.keys(calls.exposed.get('opsworker') as object)).not.toContain('invoke');
  });
});
