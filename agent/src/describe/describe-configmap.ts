import { type Describer, writeMetadata } from './describe-context.ts';
import { createDescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events-section.ts';

/** `kubectl describe configmap`: every key, and its value (or the withheld marker when values are not shared). */
export const describeConfigMap: Describer = (object, related, now) => {
  const w = createDescribeWriter();
  writeMetadata(w, object);
  const data = (object.data ?? {}) as Record<string, string>;
  const binary = (object.binaryData ?? {}) as Record<string, string>;
  const sections: string[] = ['', 'Data', '===='];
  for (const [key, value] of Object.entries(data)) sections.push(`${key}:`, '----', value, '');
  sections.push('', 'BinaryData', '====');
  for (const [key, value] of Object.entries(binary)) sections.push(`${key}: ${value.length} bytes`);
  sections.push('');
  const events = createDescribeWriter();
  writeEvents(events, related.events, now);
  return `${w.render()}${sections.join('\n')}\n${events.render()}`;
};
