import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** How the Helm chart runs the agent's Node: its heap flags and malloc arenas (values.yaml). */
export function chartRuntime(): { nodeOptions: string[]; mallocArenaMax: string } {
  const values = parse(readFileSync(new URL('../../agent/chart/values.yaml', import.meta.url), 'utf8')) as {
    nodeOptions?: string;
    mallocArenaMax?: number;
  };
  return {
    nodeOptions: (values.nodeOptions ?? '').split(/\s+/).filter(Boolean),
    mallocArenaMax: String(values.mallocArenaMax ?? ''),
  };
}
