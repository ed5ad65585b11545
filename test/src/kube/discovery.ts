import { groupVersionOf, RESOURCE_TYPES, type ResourceType, verbsOf } from './resource-types.ts';

/** The Kubernetes release the fake cluster claims to be. */
export const SERVER_VERSION = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.4',
  gitCommit: 'a78aa47129b8539636eb86a9d00e31b2720fe06b',
  gitTreeState: 'clean',
  buildDate: '2024-12-10T11:36:07Z',
  goVersion: 'go1.22.9',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const SUBRESOURCE_KINDS: Record<string, { kind: string; verbs: string[]; group?: string; version?: string }> =
  {
    log: { kind: 'Pod', verbs: ['get'] },
    status: { kind: '', verbs: ['get', 'patch', 'update'] },
    exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
    attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    proxy: { kind: '', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
    scale: { kind: 'Scale', verbs: ['get', 'patch', 'update'], group: 'autoscaling', version: 'v1' },
  };

/** Which types discovery shows: the metrics API only when some scenario provides metrics. */
export type TypeFilter = (type: ResourceType) => boolean;

/** `GET /api`: the legacy core group's versions. */
export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** `GET /apis`: every named group with its one served version. */
export function apiGroupList(visible: TypeFilter): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groupNames(visible).map(apiGroupBody) };
}

/** `GET /apis/{group}`, or undefined for a group the fake does not serve. */
export function apiGroup(name: string, visible: TypeFilter): object | undefined {
  if (!groupNames(visible).includes(name)) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroupBody(name) };
}

/** `GET /api/v1` or `GET /apis/{group}/{version}`, or undefined when not served. */
export function apiResourceList(group: string, version: string, visible: TypeFilter): object | undefined {
  const types = RESOURCE_TYPES.filter((t) => t.group === group && t.version === version && visible(t));
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: types.flatMap(resourceEntries),
  };
}

function groupNames(visible: TypeFilter): string[] {
  return [...new Set(RESOURCE_TYPES.filter((t) => t.group !== '' && visible(t)).map((t) => t.group))];
}

function apiGroupBody(name: string): object {
  const type = RESOURCE_TYPES.find((t) => t.group === name);
  const version = { groupVersion: type ? groupVersionOf(type) : name, version: type?.version ?? '' };
  return { name, versions: [version], preferredVersion: version };
}

function resourceEntries(type: ResourceType): object[] {
  const main = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: verbsOf(type),
    ...(type.shortNames?.length ? { shortNames: type.shortNames } : {}),
    ...(type.categories?.length ? { categories: type.categories } : {}),
  };
  const subresources = (type.subresources ?? []).map((name) => {
    const sub = SUBRESOURCE_KINDS[name];
    return {
      name: `${type.plural}/${name}`,
      singularName: '',
      namespaced: type.namespaced,
      ...(sub?.group ? { group: sub.group, version: sub.version } : {}),
      kind: sub?.kind || type.kind,
      verbs: sub?.verbs ?? ['get'],
    };
  });
  return [main, ...subresources];
}
