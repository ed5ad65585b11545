import { renderAligned } from '../format/aligned-text.ts';
import { sortedEntries } from './sorted-entries.ts';

/**
 * Builds `kubectl describe`-style text. Rows are tab-separated cells at an indentation level;
 * rendering aligns them the way Go's tabwriter does for kubectl (padding 2): a column is aligned
 * across consecutive rows that have a cell after it, so a row without a tab starts a new block.
 */
export type DescribeWriter = {
  /** A row of cells at `level` (two spaces per level). `Name:` and its value are two cells. */
  row(level: number, ...cells: Array<string | number | undefined>): void;
  /** `Key:  <none>` for an empty map; otherwise one `k=v` per row, the first beside the key. */
  map(level: number, key: string, values: Record<string, string> | undefined, separator?: string): void;
  /** `Key:  a, b` or `<none>`. */
  list(level: number, key: string, values: string[] | undefined): void;
  /** One value per row, the first beside `Key:`, or `<none>`. */
  lines(level: number, key: string, values: string[]): void;
  render(): string;
};

/** A fresh writer; call `render()` once all rows are in. */
export function createDescribeWriter(): DescribeWriter {
  const rows: string[][] = [];
  const writer: DescribeWriter = {
    row(level, ...cells) {
      const text = cells.map((cell) => (cell === undefined ? '' : String(cell)));
      text[0] = `${'  '.repeat(level)}${text[0] ?? ''}`;
      rows.push(text);
    },
    map(level, key, values, separator = '=') {
      const entries = sortedEntries(values);
      writer.lines(
        level,
        key,
        entries.map(([k, v]) => `${k}${separator}${v}`),
      );
    },
    lines(level, key, values) {
      if (values.length === 0) writer.row(level, `${key}:`, '<none>');
      for (const [i, value] of values.entries()) writer.row(level, i === 0 ? `${key}:` : '', value);
    },
    list(level, key, values) {
      writer.row(level, `${key}:`, values && values.length > 0 ? values.join(', ') : '<none>');
    },
    render: () => `${renderAligned(rows, { padding: 2 })}\n`,
  };
  return writer;
}
