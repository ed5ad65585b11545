import type { Collection } from '../collection.ts';
import type { Focus } from './focus.ts';

/** An alert that names neither a namespace nor an object: only the nodes say anything about it. */
export async function resolveCluster(c: Collection): Promise<Focus> {
  c.step('The alert names no namespace or object: reading the nodes only');
  await c.list('nodes', { maxPages: 1 });
  return {
    subjects: [],
    pods: [],
    missing: ['the alert names no namespace or Kubernetes object, so there was nothing specific to look at'],
  };
}
