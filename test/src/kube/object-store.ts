import { OpsWorkerError } from '@opsworker/shared';
import { applyObjectDefaults } from './object-defaults.ts';
import { qualifiedResource, RESOURCE_TYPES, type ResourceType, typeForObject } from './resource-types.ts';
import type { KubeObject } from './types.ts';

/** An object a scenario or a test tried to add that the fake cannot serve. */
export class InvalidObjectError extends OpsWorkerError {
  override name = 'InvalidObjectError';
}

interface ObjectReferenceShape {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
}

/**
 * The cluster state: every object by resource, kept sorted by namespace/name as etcd keys are.
 * Each write bumps one cluster-wide resourceVersion, so lists carry a realistic one.
 */
export class ObjectStore {
  readonly #byResource = new Map<string, Map<string, KubeObject>>();
  #revision = 1000;

  get resourceVersion(): number {
    return this.#revision;
  }

  /** Adds (or replaces) objects, completing their metadata and linking uids they refer to. */
  add(objects: readonly KubeObject[], now: Date): void {
    const added = objects.map((object) => {
      const type = this.#typeOf(object);
      const complete = applyObjectDefaults(object, now);
      complete.metadata.resourceVersion ??= String(++this.#revision);
      this.#bucket(type).set(keyOf(complete), complete);
      return complete;
    });
    for (const object of added) this.#linkReferences(object);
  }

  /** The objects of one resource, in one namespace or all, sorted by namespace then name. */
  list(type: ResourceType, namespace?: string): KubeObject[] {
    const bucket = [...this.#bucket(type).values()];
    const inScope =
      namespace && type.namespaced ? bucket.filter((o) => o.metadata.namespace === namespace) : bucket;
    return inScope.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  }

  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#bucket(type).get(`${type.namespaced ? (namespace ?? '') : ''}/${name}`);
  }

  /** Finds an object by kind (not resource), as owner references and events name them. */
  findByKind(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const type = RESOURCE_TYPES.find((t) => t.kind === kind && !t.metrics);
    return type ? this.get(type, namespace, name) : undefined;
  }

  /** True when any object of the resource exists (the metrics API is announced only then). */
  has(type: ResourceType): boolean {
    return this.#bucket(type).size > 0;
  }

  #typeOf(object: KubeObject): ResourceType {
    const type = typeForObject(object.apiVersion, object.kind);
    const label = `${object.kind ?? '?'} ${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? '?'}`;
    if (!type)
      throw new InvalidObjectError(`unknown apiVersion/kind ${object.apiVersion}/${object.kind} (${label})`);
    if (type.forbidden)
      throw new InvalidObjectError(`${object.kind} objects are never served (always 403): ${label}`);
    if (!object.metadata?.name) throw new InvalidObjectError(`object without metadata.name: ${label}`);
    if (type.namespaced !== Boolean(object.metadata.namespace)) {
      throw new InvalidObjectError(
        `${label}: ${type.namespaced ? 'needs' : 'must not have'} metadata.namespace`,
      );
    }
    return type;
  }

  #bucket(type: ResourceType): Map<string, KubeObject> {
    const name = qualifiedResource(type);
    let bucket = this.#byResource.get(name);
    if (!bucket) {
      bucket = new Map();
      this.#byResource.set(name, bucket);
    }
    return bucket;
  }

  // Scenarios may leave uids out of owner references and event subjects; the real API always
  // has them, and clients (kubectl describe among them) match on them.
  #linkReferences(object: KubeObject): void {
    const namespace = object.metadata.namespace;
    for (const owner of object.metadata.ownerReferences ?? []) {
      owner.uid ||= this.findByKind(owner.kind, namespace, owner.name)?.metadata.uid ?? '';
    }
    if (object.kind === 'Event') {
      const subject = object.involvedObject as ObjectReferenceShape | undefined;
      if (subject?.kind && subject.name && !subject.uid) {
        subject.uid = this.findByKind(subject.kind, subject.namespace, subject.name)?.metadata.uid ?? '';
      }
    }
  }
}

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}
