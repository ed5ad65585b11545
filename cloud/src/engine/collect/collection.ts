import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import { resourceForKind } from '@opsworker/agent/kube/resources.ts';
import type { ListResult } from '@opsworker/agent/operations/list.ts';
import type { OwnerLink } from '@opsworker/agent/operations/owner-chain.ts';
import type { ResourceKind } from '@opsworker/shared';
import { BundleBuilder } from './bundle-builder.ts';
import type { EvidenceSession } from './evidence-session.ts';

/** Where a collection says what it is doing, for the live timeline. */
export type StepReporter = (message: string) => void;

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Items per page. */
  limit?: number;
  /** Pages read at most: a namespace of thousands is sampled, not read whole. */
  maxPages?: number;
  title?: string;
}

/** Lines of each container log read: enough for a stack trace and what led to it. */
export const LOG_TAIL_LINES = 200;
const LOG_LIMIT_BYTES = 64 * 1024;
const EVENTS_PER_OBJECT = 100;

/**
 * The read operations a collection plan uses, each turning its result into bundle content:
 * objects from get/list, Events per object, container logs. Every call is one (or, for paged
 * lists, a few) evidence records; a failure leaves a failed record and an empty answer.
 */
export class Collection {
  readonly session: EvidenceSession;
  readonly bundle = new BundleBuilder();
  readonly step: StepReporter;

  constructor(session: EvidenceSession, step: StepReporter) {
    this.session = session;
    this.step = step;
  }

  async get(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
  ): Promise<KubeObject | undefined> {
    const outcome = await this.session.run<KubeObject>({
      op: 'get',
      kind,
      name,
      ...(namespace ? { namespace } : {}),
    });
    if (!outcome.ok) return undefined;
    this.bundle.add([outcome.result], outcome.record.id);
    return outcome.result;
  }

  /** Lists objects page by page; only those `keep` accepts enter the bundle, all are returned. */
  async list(
    kind: ResourceKind,
    options: ListOptions,
    keep: (object: KubeObject) => boolean = () => true,
  ): Promise<KubeObject[]> {
    const items: KubeObject[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < (options.maxPages ?? 2); page++) {
      const operation = {
        op: 'list' as const,
        kind,
        limit: options.limit ?? 250,
        ...(options.namespace ? { namespace: options.namespace } : {}),
        ...(options.labelSelector ? { labelSelector: options.labelSelector } : {}),
        ...(options.fieldSelector ? { fieldSelector: options.fieldSelector } : {}),
        ...(cursor ? { continue: cursor } : {}),
      };
      const title = options.title && page > 0 ? `${options.title}, page ${page + 1}` : options.title;
      const outcome = await this.session.run<ListResult>(operation, title);
      if (!outcome.ok) break;
      const found = outcome.result.items ?? [];
      items.push(...found);
      this.bundle.add(found.filter(keep), outcome.record.id);
      cursor = outcome.result.continue;
      if (!cursor) break;
    }
    return items;
  }

  /** The Events about one object (`kind` as the API names it: `Pod`, `Node`, ...). */
  async events(subject: KubeObject): Promise<void> {
    const kind = subject.kind ?? '';
    const name = subject.metadata?.name;
    if (!name) return;
    // Cluster-scoped objects (nodes) have their events in `default`: search every namespace.
    const namespaced = resourceForKind(kind)?.namespaced ?? true;
    await this.list('events', {
      ...(namespaced && subject.metadata?.namespace ? { namespace: subject.metadata.namespace } : {}),
      fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}`,
      limit: EVENTS_PER_OBJECT,
      maxPages: 1,
    });
  }

  /** The tail of one container instance's log. */
  async logs(namespace: string, pod: string, container: string, previous: boolean): Promise<void> {
    const outcome = await this.session.run<string>({
      op: 'logs',
      namespace,
      pod,
      container,
      previous,
      tailLines: LOG_TAIL_LINES,
      limitBytes: LOG_LIMIT_BYTES,
    });
    if (!outcome.ok || typeof outcome.result !== 'string') return;
    this.bundle.addLog({
      namespace,
      pod,
      container,
      previous,
      text: outcome.result,
      evidenceId: outcome.record.id,
    });
  }

  /** The controller owners of an object, itself first; undefined when it could not be read. */
  async ownerChain(kind: ResourceKind, namespace: string, name: string): Promise<OwnerLink[] | undefined> {
    const outcome = await this.session.run<OwnerLink[]>({ op: 'ownerChain', kind, namespace, name });
    return outcome.ok ? outcome.result : undefined;
  }
}
