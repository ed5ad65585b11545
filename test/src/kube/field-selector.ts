import { badRequest } from './api-status.ts';
import { readPath as read } from './object-path.ts';
import type { KubeObject } from './types.ts';

type FieldReader = (object: KubeObject) => string;

/** A parsed `fieldSelector` query: true for the objects it selects. */
export type FieldMatcher = (object: KubeObject) => boolean;

const COMMON: Record<string, FieldReader> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

/** The field labels each resource supports, as registered by the real API server. */
const FIELDS: Record<string, Record<string, FieldReader>> = {
  pods: {
    'spec.nodeName': path('spec', 'nodeName'),
    'spec.restartPolicy': path('spec', 'restartPolicy'),
    'spec.schedulerName': path('spec', 'schedulerName'),
    'spec.serviceAccountName': path('spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) => String(read(o, ['spec', 'hostNetwork']) === true),
    'status.phase': path('status', 'phase'),
    'status.podIP': path('status', 'podIP'),
    'status.nominatedNodeName': path('status', 'nominatedNodeName'),
  },
  events: {
    'involvedObject.kind': path('involvedObject', 'kind'),
    'involvedObject.namespace': path('involvedObject', 'namespace'),
    'involvedObject.name': path('involvedObject', 'name'),
    'involvedObject.uid': path('involvedObject', 'uid'),
    'involvedObject.apiVersion': path('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': path('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': path('involvedObject', 'fieldPath'),
    reason: path('reason'),
    reportingComponent: path('reportingComponent'),
    source: path('source', 'component'),
    type: path('type'),
  },
  nodes: { 'spec.unschedulable': (o) => String(read(o, ['spec', 'unschedulable']) === true) },
  namespaces: { 'status.phase': path('status', 'phase') },
  replicasets: { 'status.replicas': (o) => String(read(o, ['status', 'replicas']) ?? 0) },
  jobs: { 'status.successful': (o) => String(read(o, ['status', 'successful']) ?? 0) },
  services: { 'spec.clusterIP': path('spec', 'clusterIP'), 'spec.type': path('spec', 'type') },
};

/**
 * Parses a field selector (`a=b`, `a==b`, `a!=b`, comma-separated) for one resource. Unknown
 * fields are refused with the API server's 400, so a client relying on one finds out here.
 */
export function parseFieldSelector(resource: string, selector: string | undefined): FieldMatcher {
  const readers = { ...COMMON, ...FIELDS[resource] };
  const terms = splitUnescaped(selector ?? '', ',').filter((t) => t.trim() !== '');
  const checks = terms.map((term) => {
    const match = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term.trim());
    if (!match) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const [, field = '', op, raw = ''] = match;
    const reader = readers[field];
    if (!reader) throw badRequest(`field label not supported: ${field}`);
    const value = raw.replace(/\\(.)/g, '$1');
    return op === '!=' ? (o: KubeObject) => reader(o) !== value : (o: KubeObject) => reader(o) === value;
  });
  return (object) => checks.every((check) => check(object));
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[++i];
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function path(...segments: string[]): FieldReader {
  return (o) => {
    const value = read(o, segments);
    return value === undefined || value === null ? '' : String(value);
  };
}
