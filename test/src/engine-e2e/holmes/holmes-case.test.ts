import { describe, expect, it } from 'vitest';
import { readInput } from './holmes-case.ts';

describe('readInput', () => {
  it.each([
    [
      'What is wrong with << { "type": "pod", "name": "giant-narwhal-6958c5bdd8-69gtn", "namespace": "app-02" } >> ?',
      { kind: 'pods', name: 'giant-narwhal-6958c5bdd8-69gtn', namespace: 'app-02' },
    ],
    ['What is the issue with payment-processing-worker?', {}],
    [
      {
        'investigate_request.title': 'KubeJobFailed',
        subject: { name: 'product-data-scraper', namespace: 'default', kind: 'job', node: null },
      },
      { kind: 'jobs', name: 'product-data-scraper', namespace: 'default' },
    ],
    [
      {
        'investigate_request.title': 'Pod is crash looping.',
        subject: { name: 'x-76897854c-cw5wh', subject_type: 'deployment', namespace: 'default' },
      },
      { kind: 'deployments', name: 'x-76897854c-cw5wh', namespace: 'default' },
    ],
    [
      {
        workload_health_request: {
          resource: { namespace: 'default', kind: 'Deployment', name: 'crashpod' },
          ask: 'Help me diagnose crashpod',
        },
      },
      { kind: 'deployments', name: 'crashpod', namespace: 'default' },
    ],
  ])('reads the object of %j', (input, scope) => {
    expect(readInput(input)?.scope).toEqual(scope);
  });

  it('turns an alert into a question', () => {
    expect(readInput({ 'investigate_request.title': 'Watchdog', subject: {} })?.question).toBe(
      'Investigate the alert "Watchdog"',
    );
  });
});
