import { age } from '../format/time-format.ts';
import type { CompactEvent } from '../operations/load-events.ts';
import type { DescribeWriter } from './describe-writer.ts';

/** The `Events:` table closing every describe: Age shows `2m (x10 over 4m)` for repeated events. */
export function writeEvents(writer: DescribeWriter, events: CompactEvent[], now: number): void {
  if (events.length === 0) {
    writer.row(0, 'Events:', '<none>');
    return;
  }
  writer.row(0, 'Events:');
  writer.row(1, 'Type', 'Reason', 'Age', 'From', 'Message');
  writer.row(1, '----', '------', '----', '----', '-------');
  for (const event of events) {
    const last = age(event.lastSeen, now);
    const seen =
      event.count > 1
        ? `${last} (x${event.count} over ${age(event.firstSeen ?? event.lastSeen, now)})`
        : last;
    writer.row(
      1,
      event.type,
      event.reason,
      seen,
      event.source ?? '',
      event.message.replace(/\s*\n\s*/g, ' '),
    );
  }
}
