/**
 * A map's entries in the order kubectl prints them: Go sorts map keys byte-wise, which for
 * Kubernetes keys (ASCII) is plain code-unit order. Deliberately not `localeCompare`: that
 * orders `Zone` after `app` unlike kubectl, and loads ICU's collation data (a few MB of RSS)
 * into an agent that must stay small.
 */
export function sortedEntries(values: Record<string, string> | undefined): Array<[string, string]> {
  return Object.entries(values ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
