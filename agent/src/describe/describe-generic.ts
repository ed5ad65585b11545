import { toYaml } from '../format/to-yaml.ts';
import { type Describer, writeMetadata } from './describe-context.ts';
import { createDescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events-section.ts';

const TITLES: Record<string, string> = { spec: 'Spec', status: 'Status', data: 'Data', subsets: 'Subsets' };

/** Any other kind: identity, then each top-level section as indented YAML, then events. */
export const describeGeneric: Describer = (object, related, now) => {
  const head = createDescribeWriter();
  writeMetadata(head, object);
  const body: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata' || value === undefined) continue;
    const title = TITLES[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
    const yaml = toYaml(value).trimEnd();
    body.push(`${title}:`, ...yaml.split('\n').map((line) => `  ${line}`));
  }
  const events = createDescribeWriter();
  writeEvents(events, related.events, now);
  return `${head.render()}${body.length ? `${body.join('\n')}\n` : ''}${events.render()}`;
};
