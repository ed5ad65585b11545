import type { ScenarioManifest } from './scenario-manifest.ts';

const START = '<!-- corpus-index:start -->';
const END = '<!-- corpus-index:end -->';

/** The markdown table of scenarios that the corpus README carries between its index markers. */
export function corpusIndexTable(manifests: readonly ScenarioManifest[]): string {
  const rows = manifests.map(
    (m) =>
      `| ${m.name} | ${m.kind} | ${m.expected.category} | ${m.alert.labels.alertname ?? ''} | ${m.expected.resource ?? ''} | ${m.basedOn ?? ''} |`,
  );
  return [
    '| scenario | kind | expected.category | alert | expected.resource | based on |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Replaces the table between the index markers of a README, leaving the rest as written. */
export function withCorpusIndex(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return readme;
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}
