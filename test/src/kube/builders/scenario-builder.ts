import type { ScenarioManifest, ScenarioMetrics } from '../scenario-manifest.ts';
import type { KubeObject } from '../types.ts';
import { namespace } from './cluster-objects.ts';
import { endpointsFor } from './service-objects.ts';

/** Namespaces the base cluster already has. */
const BASE_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** One container log file of a scenario. */
export interface ScenarioLogFile {
  pod: string;
  container: string;
  previous: boolean;
  text: string;
}

/** Everything a scenario folder holds, ready to be written as plain files. */
export interface ScenarioFiles {
  manifest: ScenarioManifest;
  objects: KubeObject[];
  logs: ScenarioLogFile[];
  metrics?: ScenarioMetrics;
}

/** An object, a workload bundle (`{ objects }`) or any nesting of lists of them. */
export type Addable = KubeObject | { objects: readonly KubeObject[] } | readonly Addable[];

/**
 * Collects a scenario's objects, logs and metrics. On build it adds what the cluster's
 * controllers would have made anyway: namespaces, and Endpoints/EndpointSlices for services.
 */
export class ScenarioBuilder {
  readonly manifest: ScenarioManifest;
  readonly #objects: KubeObject[] = [];
  readonly #logs: ScenarioLogFile[] = [];
  #metrics: ScenarioMetrics | undefined;

  constructor(manifest: ScenarioManifest) {
    this.manifest = manifest;
  }

  add(...items: Addable[]): this {
    for (const item of items) {
      if (Array.isArray(item)) this.add(...(item as readonly Addable[]));
      else if ('objects' in item && Array.isArray(item.objects)) this.#objects.push(...item.objects);
      else this.#objects.push(item as KubeObject);
    }
    return this;
  }

  /** The log of a container: the current instance, or with `previous` the last terminated one. */
  log(
    pod: KubeObject,
    container: string,
    lines: string | readonly string[],
    options: { previous?: boolean } = {},
  ): this {
    const text = typeof lines === 'string' ? lines : `${lines.join('\n')}\n`;
    this.#logs.push({ pod: pod.metadata.name, container, previous: Boolean(options.previous), text });
    return this;
  }

  metrics(metrics: ScenarioMetrics): this {
    this.#metrics = metrics;
    return this;
  }

  build(): ScenarioFiles {
    const objects = [...this.#objects];
    const has = (kind: string, ns: string | undefined, name: string) =>
      objects.some((o) => o.kind === kind && o.metadata.namespace === ns && o.metadata.name === name);
    const pods = objects.filter((o) => o.kind === 'Pod');
    for (const svc of objects.filter((o) => o.kind === 'Service')) {
      if (!has('Endpoints', svc.metadata.namespace, svc.metadata.name)) {
        objects.push(...endpointsFor(svc, pods, svc.metadata.creationTimestamp ?? '-1h'));
      }
    }
    const namespaces = [
      ...new Set(objects.map((o) => o.metadata.namespace).filter((n): n is string => Boolean(n))),
    ];
    const missing = namespaces.filter((n) => !BASE_NAMESPACES.has(n) && !has('Namespace', undefined, n));
    return {
      manifest: this.manifest,
      objects: [...missing.map((n) => namespace(n, '-94d')), ...objects],
      logs: this.#logs,
      ...(this.#metrics ? { metrics: this.#metrics } : {}),
    };
  }
}
