/**
 * Go tabwriter alignment, which kubectl uses for tables (padding 3, minimum width 6) and for
 * describe output (padding 2): a column is aligned across consecutive rows that have a cell
 * after it, so a row with fewer cells starts a new block.
 */
export type AlignOptions = { padding: number; minWidth?: number };

function align(
  rows: string[][],
  widths: number[][],
  start: number,
  end: number,
  column: number,
  options: AlignOptions,
): void {
  let run = start;
  while (run < end) {
    while (run < end && (rows[run]?.length ?? 0) <= column + 1) run++;
    const blockStart = run;
    let width = 0;
    while (run < end && (rows[run]?.length ?? 0) > column + 1) {
      width = Math.max(width, rows[run]?.[column]?.length ?? 0);
      run++;
    }
    if (run === blockStart) break;
    const padded = Math.max(width + options.padding, options.minWidth ?? 0);
    for (let i = blockStart; i < run; i++) widths[i]?.push(padded);
    align(rows, widths, blockStart, run, column + 1, options);
  }
}

/** Rows of cells rendered with aligned columns, one line per row, trailing spaces trimmed. */
export function renderAligned(rows: string[][], options: AlignOptions): string {
  const widths = rows.map(() => [] as number[]);
  align(rows, widths, 0, rows.length, 0, options);
  return rows
    .map((cells, i) =>
      cells
        .map((cell, column) => {
          const width = widths[i]?.[column];
          return width === undefined ? cell : cell.padEnd(width);
        })
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

/** A kubectl table: headers and rows, padded as `kubectl get` pads them. */
export function renderTable(headers: string[], rows: string[][]): string {
  return `${renderAligned([headers, ...rows], { padding: 3, minWidth: 6 })}\n`;
}
