import type { KubeEvent, KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { Scope } from '@opsworker/shared';
import type {
  CollectedLog,
  CollectedObject,
  EvidenceBundle,
  EvidenceRecord,
} from '../evidence/evidence-bundle.ts';

function objectKey(object: KubeObject): string {
  return `${object.kind ?? ''}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

function eventTime(event: KubeEvent): number {
  const at =
    event.series?.lastObservedTime ??
    event.lastTimestamp ??
    event.eventTime ??
    event.firstTimestamp ??
    event.metadata?.creationTimestamp;
  return (at && Date.parse(at)) || 0;
}

/**
 * Gathers what a collection found into the bundle analyzers read: objects once each (by kind,
 * namespace and name; the first sighting keeps its evidence id), events apart and oldest first,
 * logs per container instance.
 */
export class BundleBuilder {
  readonly #objects = new Map<string, CollectedObject>();
  readonly #events = new Map<string, CollectedObject>();
  readonly #logs = new Map<string, CollectedLog>();

  /** Adds objects from one evidence record; Events go to the event list. */
  add(objects: readonly KubeObject[], evidenceId: string): void {
    for (const object of objects) {
      const into = object.kind === 'Event' ? this.#events : this.#objects;
      const key = objectKey(object);
      if (!into.has(key)) into.set(key, { object, evidenceId });
    }
  }

  addLog(log: CollectedLog): void {
    const key = `${log.namespace}/${log.pod}/${log.container}/${log.previous}`;
    if (!this.#logs.has(key)) this.#logs.set(key, log);
  }

  /** The collected object of this kind and name, if any (`kind` is the API kind, e.g. `Service`). */
  find(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#objects.get(`${kind}/${namespace ?? ''}/${name}`)?.object;
  }

  /** Every collected object of an API kind. */
  ofKind(kind: string): KubeObject[] {
    return [...this.#objects.values()].filter((c) => c.object.kind === kind).map((c) => c.object);
  }

  /** Events about one object (by kind and name), as collected so far. */
  eventsAbout(kind: string, name: string): KubeEvent[] {
    return [...this.#events.values()]
      .map((c) => c.object as KubeEvent)
      .filter((e) => e.involvedObject?.kind === kind && e.involvedObject.name === name);
  }

  logs(): CollectedLog[] {
    return [...this.#logs.values()];
  }

  build(fields: {
    scope: Scope;
    target: EvidenceBundle['target'];
    question: string | undefined;
    evidence: EvidenceRecord[];
    collectedAt: Date;
  }): EvidenceBundle {
    const events = [...this.#events.values()].sort(
      (a, b) => eventTime(a.object as KubeEvent) - eventTime(b.object as KubeEvent),
    );
    return {
      scope: fields.scope,
      ...(fields.target ? { target: fields.target } : {}),
      ...(fields.question ? { question: fields.question } : {}),
      objects: [...this.#objects.values()],
      events,
      logs: this.logs(),
      evidence: fields.evidence,
      collectedAt: fields.collectedAt.toISOString(),
    };
  }
}
