/** An owner reference exactly as the API serves it. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** The metadata every served object carries; the loader fills what a scenario leaves out. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  generation?: number;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
}

/**
 * A Kubernetes object as JSON, the way the API returns it. Only the envelope is typed: the fake
 * serves whatever the scenario wrote, so spec and status stay open.
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** The text one container wrote: the current instance, or the previous (terminated) one. */
export interface PodLog {
  namespace: string;
  pod: string;
  container: string;
  previous?: boolean;
  text: string;
}

/** One HTTP request the fake cluster received, in arrival order. */
export interface RecordedRequest {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The HTTP status the fake answered with. */
  status: number;
  userAgent: string;
  /** The Kubernetes verb (get, list, watch, create, delete, ...) when the path named a resource. */
  verb?: string;
  /** The resource (with subresource, e.g. "pods/exec") when the path named one. */
  resource?: string;
  namespace?: string;
  name?: string;
}
