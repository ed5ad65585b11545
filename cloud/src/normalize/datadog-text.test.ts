import { describe, expect, it } from 'vitest';
import { canonicalScope, parseDatadogTags, parseDatadogTitle } from './datadog-text.ts';

describe('parseDatadogTitle', () => {
  it.each([
    ['[Triggered] [TEST] Host Cluster Alert', { name: '[TEST] Host Cluster Alert', transition: 'Triggered' }],
    [
      '[Recovered on {service:keep-api}] Error monitor',
      { name: 'Error monitor', transition: 'Recovered', scope: 'service:keep-api' },
    ],
    [
      '[P1] [Re-Triggered on {kube_namespace:shop,pod_name:api-0}] Restarts',
      {
        name: 'Restarts',
        transition: 'Re-Triggered',
        priority: 'P1',
        scope: 'kube_namespace:shop,pod_name:api-0',
      },
    ],
    ['[No Data] Heartbeat', { name: 'Heartbeat', transition: 'No Data' }],
    ['Plain monitor name', { name: 'Plain monitor name' }],
  ])('reads %s', (title, expected) => {
    expect(parseDatadogTitle(title)).toEqual(expected);
  });
});

describe('parseDatadogTags', () => {
  it('splits on the first colon, keeps bare tags and every value of a repeated key', () => {
    expect(parseDatadogTags('monitor, service:api, url:http://x:8080 ,env:prod,env:staging')).toEqual({
      monitor: '',
      service: 'api',
      url: 'http://x:8080',
      env: 'prod,staging',
    });
  });
});

describe('canonicalScope', () => {
  it('orders the parts so the same group always reads the same', () => {
    expect(canonicalScope('pod_name:api-0, kube_namespace:shop')).toBe(
      canonicalScope('kube_namespace:shop,pod_name:api-0'),
    );
  });
});
