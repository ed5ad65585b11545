import { describe, expect, it } from 'vitest';
import { classifyQuestion, type Intent } from './classify-intent.ts';

const known = ['checkout', 'checkout-7d9f8b6c5d', 'checkout-7d9f8b6c5d-x2x9k'];

describe('classifyQuestion', () => {
  it.each<[string, Intent]>([
    ['show me the logs', 'logs'],
    ['previous logs of checkout', 'logs'],
    ['What did it log before it crashed?', 'logs'],
    ['any stack trace?', 'logs'],
    ['events?', 'events'],
    ['show events for cart-db', 'events'],
    ['what changed?', 'changes'],
    ["What's changed since yesterday", 'changes'],
    ['show the rollout history', 'changes'],
    ['who deployed last?', 'changes'],
    ['describe the pod', 'describe'],
    ['details of deployment/checkout', 'describe'],
    ['how do I fix it?', 'fix'],
    ['What should we do?', 'fix'],
    ['next steps', 'fix'],
    ['how can we mitigate this', 'fix'],
    ['show me the evidence', 'evidence'],
    ['how do you know?', 'evidence'],
    ['why do you think so', 'evidence'],
    ['status', 'status'],
    ['summarize', 'status'],
    ["what's wrong with checkout?", 'status'],
    ['what happened', 'status'],
    ['root cause?', 'status'],
    ['why is it crashing', 'status'],
    ['kubectl get pods -n shop', 'kubectl'],
    ['$ kubectl describe node node-1', 'kubectl'],
    ['tell me a joke', 'help'],
    ['hello', 'help'],
  ])('"%s" asks for %s', (text, intent) => {
    expect(classifyQuestion(text, known).intent).toBe(intent);
  });

  it.each([
    ['previous logs of checkout', true],
    ['logs before it crashed', true],
    ['logs --previous', true],
    ['show me the logs', false],
  ])('"%s" wants the crashed instance: %s', (text, previous) => {
    expect(classifyQuestion(text, known).previous).toBe(previous);
  });

  it.each([
    ['previous logs of checkout', { name: 'checkout' }],
    ['logs of inventory-cache', { name: 'inventory-cache' }],
    ['describe deployment/checkout', { kind: 'deployments', name: 'checkout' }],
    ['events for pod checkout-7d9f8b6c5d-x2x9k', { kind: 'pods', name: 'checkout-7d9f8b6c5d-x2x9k' }],
    ['describe the cart-db statefulset', { kind: 'statefulsets', name: 'cart-db' }],
    ['describe pvc data-db-0', { kind: 'persistentvolumeclaims', name: 'data-db-0' }],
    // Not names: an English word after "of" that the investigation does not know.
    ['logs of yesterday', undefined],
    ['show me the logs', undefined],
    ['events in the namespace', undefined],
  ])('"%s" is about %j', (text, object) => {
    expect(classifyQuestion(text, known).object).toEqual(object);
  });

  it('picks up the container a question names', () => {
    expect(classifyQuestion('logs of checkout container sidecar', known).container).toBe('sidecar');
    expect(classifyQuestion('logs -c istio-proxy', known).container).toBe('istio-proxy');
  });
});
