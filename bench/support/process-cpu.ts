import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime: 100 on Linux builds. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time a process has used so far, all its threads, in microseconds (Linux /proc), or
 * undefined where /proc is not there. CPU per request varies less than requests per second
 * on a shared machine, so the ingest benchmark reports both.
 */
export function processCpuMicros(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000_000) / TICKS_PER_SECOND;
}
