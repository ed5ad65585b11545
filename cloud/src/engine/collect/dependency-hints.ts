/** A host a workload talks to, as its logs or configuration name it. */
export interface HostHint {
  name: string;
  /** Set when the name is a cluster DNS name (`cart-db.shop.svc.cluster.local`). */
  namespace?: string;
}

export interface DependencyHints {
  hosts: HostHint[];
  /** IPv4 addresses (a Service's cluster IP shows up in `dial tcp 172.20.1.5:5432`). */
  addresses: Set<string>;
}

const CLUSTER_HOST = /\b([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?\b/g;
/** `cart-db:5432`, `redis://inventory-cache:6379`: a bare name with a port. */
const NAME_AND_PORT = /(?<![\w.-])([a-z][a-z0-9-]{0,62}):\d{2,5}\b/g;
const IPV4 = /\b(\d{1,3}(?:\.\d{1,3}){3})\b/g;

/**
 * The hosts and addresses some text names: cluster DNS names, bare `name:port` pairs and IPv4
 * addresses. Matching them against the namespace's Services is left to the caller.
 */
export function dependencyHints(texts: readonly string[]): DependencyHints {
  const hosts = new Map<string, HostHint>();
  const addresses = new Set<string>();
  for (const text of texts) {
    for (const [, name = '', namespace] of text.matchAll(CLUSTER_HOST))
      hosts.set(`${name}.${namespace}`, { name, ...(namespace ? { namespace } : {}) });
    for (const [, name = ''] of text.matchAll(NAME_AND_PORT)) if (!hosts.has(name)) hosts.set(name, { name });
    for (const [, address = ''] of text.matchAll(IPV4)) addresses.add(address);
  }
  return { hosts: [...hosts.values()], addresses };
}
