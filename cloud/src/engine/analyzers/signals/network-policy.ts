/**
 * Whether a NetworkPolicy's egress rules let a pod reach an address outside the cluster. Peers
 * chosen by pod or namespace selectors are cluster pods, so only rules without `to`, or with an
 * ipBlock around the address, can allow an external destination.
 */

interface Peer {
  ipBlock?: { cidr?: string; except?: string[] };
}
interface EgressRule {
  to?: Peer[];
  ports?: Array<{ port?: number | string; endPort?: number; protocol?: string }>;
}

function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => Number.isNaN(p) || p < 0 || p > 255)) return undefined;
  return parts.reduce((acc, part) => acc * 256 + part, 0);
}

/** True when `ip` lies inside the IPv4 `cidr` (`10.0.0.0/8`). */
function cidrContains(cidr: string, ip: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const network = ipToNumber(base);
  const address = ipToNumber(ip);
  const prefix = Number(bits);
  if (network === undefined || address === undefined || Number.isNaN(prefix)) return false;
  const size = 2 ** (32 - prefix);
  return Math.floor(address / size) === Math.floor(network / size);
}

function peerAllows(peer: Peer, ip: string): boolean {
  const block = peer.ipBlock;
  if (!block?.cidr || !cidrContains(block.cidr, ip)) return false;
  return !(block.except ?? []).some((except) => cidrContains(except, ip));
}

function portAllows(rule: EgressRule, port: number): boolean {
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some(
    (p) =>
      p.port === undefined ||
      p.port === port ||
      (typeof p.port === 'number' && p.endPort !== undefined && port >= p.port && port <= p.endPort),
  );
}

/** True when one of the egress rules lets traffic to ip:port through. */
export function egressAllows(rules: unknown[], destination: { ip: string; port: number }): boolean {
  return (rules as EgressRule[]).some((rule) => {
    const toAllowed =
      !rule.to || rule.to.length === 0 || rule.to.some((peer) => peerAllows(peer, destination.ip));
    return toAllowed && portAllows(rule, destination.port);
  });
}
