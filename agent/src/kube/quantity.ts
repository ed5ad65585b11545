/**
 * Kubernetes resource quantities (`250m`, `1.5`, `128Mi`, `1e9`, `500M`) as plain numbers, and
 * back in the units kubectl prints: millicores for CPU, Mi for memory.
 */

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const QUANTITY = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/;

/** The value of a quantity in base units (cores, bytes), or undefined when it does not parse. */
export function parseQuantity(quantity: string | number | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  if (typeof quantity === 'number') return quantity;
  const match = QUANTITY.exec(quantity.trim());
  if (!match) return undefined;
  const factor = SUFFIX[match[2] ?? ''];
  const value = Number(match[1]);
  if (factor === undefined || Number.isNaN(value)) return undefined;
  return value * factor;
}

/** CPU in millicores, as kubectl top prints it: `250m`. */
export function formatMillicores(cores: number): string {
  return `${Math.round(cores * 1000)}m`;
}

/** Memory in Mi, as kubectl top prints it: `128Mi`. */
export function formatMebibytes(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)}Mi`;
}

/** A share of a total as a whole percentage (`42%`), `<unknown>` when the total is missing. */
export function formatPercent(part: number, total: number | undefined): string {
  if (!total) return '<unknown>';
  return `${Math.round((part / total) * 100)}%`;
}
