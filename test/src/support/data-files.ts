import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Data files under `dir` that do not parse: every `.json` file must be whole JSON, and every
 * complete line of a `.jsonl` file a JSON document. A journal's last line without its newline
 * was being written when the process died and was never acknowledged, so it may be cut short.
 * Temporary files (`*.tmp`, written then renamed into place) are not data and are skipped.
 */
export function unparseableDataFiles(dir: string): string[] {
  const bad: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    if (entry.name.endsWith('.json') && !parses(readFileSync(file, 'utf8'))) bad.push(file);
    if (entry.name.endsWith('.jsonl')) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.pop(); // '' after the last newline, or the unterminated tail
      const index = lines.findIndex((line) => !parses(line));
      if (index >= 0) bad.push(`${file} (line ${index + 1})`);
    }
  }
  return bad;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
