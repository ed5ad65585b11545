import type { PodLog } from './types.ts';

/**
 * The container logs the fake serves, per container instance: the current one and the
 * previous (last terminated) one, as the kubelet keeps them.
 */
export class LogStore {
  readonly #texts = new Map<string, string>();

  set(log: PodLog): void {
    this.#texts.set(keyOf(log.namespace, log.pod, log.container, log.previous ?? false), log.text);
  }

  get(namespace: string, pod: string, container: string, previous: boolean): string | undefined {
    return this.#texts.get(keyOf(namespace, pod, container, previous));
  }
}

function keyOf(namespace: string, pod: string, container: string, previous: boolean): string {
  return `${namespace}/${pod}/${container}/${previous ? 'previous' : 'current'}`;
}
