import { redactText } from '@opsworker/agent/redaction/redact-text.ts';
import { redactValue } from '@opsworker/agent/redaction/redact-value.ts';
import type { EvidenceBundle, EvidenceRecord } from '@opsworker/cloud/engine/evidence/evidence-bundle.ts';
import type { AgentOperation, ResourceKind, Scope } from '@opsworker/shared';
import { LogStore } from '../kube/log-store.ts';
import { ObjectStore } from '../kube/object-store.ts';
import { readPodLog } from '../kube/pod-log.ts';
import { RESOURCE_TYPES, type ResourceType } from '../kube/resource-types.ts';
import type { KubeObject, PodLog } from '../kube/types.ts';

type Bundled = EvidenceBundle['objects'][number]['object'];

/** The plural resource of an API kind (`ReplicaSet` → `replicasets`), as owner references name kinds. */
export function pluralOf(kind: string): ResourceKind | undefined {
  return RESOURCE_TYPES.find((t) => t.kind === kind && !t.metrics && !t.forbidden)?.plural as
    | ResourceKind
    | undefined;
}

function typeOf(kind: ResourceKind): ResourceType {
  const type = RESOURCE_TYPES.find((t) => t.plural === kind && !t.metrics);
  if (!type) throw new Error(`no resource type ${kind}`);
  return type;
}

/**
 * A cluster the way the agent sees it, answering the collector's read-only operations from
 * scenario objects and logs, and recording each operation as one evidence record (redacted
 * as the agent redacts), exactly the bundle shape a real collection produces.
 */
export class SimulatedCollection {
  readonly #store = new ObjectStore();
  readonly #logStore = new LogStore();
  readonly #now: Date;
  readonly #records: EvidenceRecord[] = [];
  readonly #objects = new Map<string, EvidenceBundle['objects'][number]>();
  readonly #events = new Map<string, EvidenceBundle['objects'][number]>();
  readonly #logs: EvidenceBundle['logs'] = [];

  constructor(objects: readonly KubeObject[], logs: readonly PodLog[], now: Date) {
    this.#now = now;
    this.#store.add(objects, now);
    for (const log of logs) this.#logStore.set(log);
  }

  #record(title: string, operation: AgentOperation, result: unknown, error?: string): string {
    const id = `ev_${String(this.#records.length + 1).padStart(3, '0')}`;
    const bytes = error
      ? 0
      : Buffer.byteLength(typeof result === 'string' ? result : JSON.stringify(result ?? null));
    this.#records.push({
      id,
      title,
      operation,
      ok: !error,
      ...(error ? { error } : {}),
      truncated: false,
      bytes,
    });
    return id;
  }

  #keep(objects: KubeObject[], id: string): KubeObject[] {
    for (const object of objects) {
      const key = `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
      const target = object.kind === 'Event' ? this.#events : this.#objects;
      if (!target.has(key)) target.set(key, { object: redactValue(object) as Bundled, evidenceId: id });
    }
    return objects;
  }

  /** `get`: one object, or undefined with a failed record when it does not exist. */
  get(kind: ResourceKind, namespace: string | undefined, name: string): KubeObject | undefined {
    const type = typeOf(kind);
    const object = this.#store.get(type, namespace, name);
    const title = `${type.kind} ${namespace ? `${namespace}/` : ''}${name}`;
    const operation: AgentOperation = { op: 'get', kind, name, ...(namespace ? { namespace } : {}) };
    const id = this.#record(title, operation, object, object ? undefined : `${kind} "${name}" not found`);
    return object ? this.#keep([object], id)[0] : undefined;
  }

  /** `list`, with the selector the collector would send (applied here by `filter`). */
  list(
    kind: ResourceKind,
    namespace: string | undefined,
    title: string,
    filter: (object: KubeObject) => boolean = () => true,
    selectors: { labelSelector?: string; fieldSelector?: string } = {},
  ): KubeObject[] {
    const found = this.#store.list(typeOf(kind), namespace).filter(filter);
    const operation: AgentOperation = { op: 'list', kind, ...(namespace ? { namespace } : {}), ...selectors };
    return this.#keep(found, this.#record(title, operation, { items: found }));
  }

  /** `events` about the given objects (one record for the group, as one call per namespace would be). */
  events(subjects: readonly KubeObject[], namespace: string | undefined, title: string): void {
    const keys = new Set(subjects.map((s) => `${s.kind}/${s.metadata.name}`));
    const events = this.#store.list(typeOf('events'), namespace).filter((e) => {
      const subject = e.involvedObject as { kind?: string; name?: string } | undefined;
      return keys.has(`${subject?.kind}/${subject?.name}`);
    });
    if (subjects.length === 0) return;
    this.#keep(
      events,
      this.#record(title, { op: 'events', ...(namespace ? { namespace } : {}) }, { items: events }),
    );
  }

  /** `logs` of one container instance, bounded like the collector's (last 200 lines). */
  logs(pod: KubeObject, container: string, previous: boolean): void {
    const namespace = pod.metadata.namespace ?? '';
    const name = pod.metadata.name;
    const operation: AgentOperation = {
      op: 'logs',
      namespace,
      pod: name,
      container,
      previous,
      tailLines: 200,
    };
    const title = `${previous ? 'Previous logs' : 'Logs'} of ${name}/${container}`;
    try {
      const text = redactText(
        readPodLog(pod, { container, previous, tailLines: 200 }, this.#logStore, this.#now),
      );
      const id = this.#record(title, operation, text);
      this.#logs.push({ namespace, pod: name, container, previous, text, evidenceId: id });
    } catch (error) {
      this.#record(title, operation, undefined, (error as { message?: string }).message ?? String(error));
    }
  }

  /** The log texts collected so far: the collector reads them to find the Services a workload depends on. */
  logTexts(): string[] {
    return this.#logs.map((log) => log.text);
  }

  bundle(scope: Scope, target: EvidenceBundle['target']): EvidenceBundle {
    const byTime = (e: EvidenceBundle['objects'][number]) =>
      String(e.object.lastTimestamp ?? e.object.eventTime ?? e.object.firstTimestamp ?? '');
    return {
      scope,
      ...(target ? { target } : {}),
      objects: [...this.#objects.values()],
      events: [...this.#events.values()].sort((a, b) => byTime(a).localeCompare(byTime(b))),
      logs: this.#logs,
      evidence: this.#records,
      collectedAt: this.#now.toISOString(),
    };
  }
}
