import type { Finding } from '../analyzers/finding.ts';
import { categoryRank } from './category-rank.ts';

/** Which findings explain which: `causes[i]` lists the findings that explain finding i. */
export interface CauseGraph {
  findings: Finding[];
  causes: number[][];
  effects: number[][];
}

function explains(cause: Finding, effect: Finding): boolean {
  if (cause === effect) return false;
  return effect.causedBy === cause.resource || (cause.affects ?? []).includes(effect.resource);
}

/**
 * Links symptoms to causes through `causedBy` (the symptom names the cause's resource) and
 * `affects` (the cause names the symptom's resource). When two findings explain each other,
 * only the higher-ranked category keeps the role of cause, so the graph has no 2-cycles.
 */
export function buildCauseGraph(findings: Finding[]): CauseGraph {
  const causes: number[][] = findings.map(() => []);
  const effects: number[][] = findings.map(() => []);
  findings.forEach((cause, i) => {
    findings.forEach((effect, j) => {
      if (!explains(cause, effect)) return;
      if (explains(effect, cause) && categoryRank(effect.category) > categoryRank(cause.category)) return;
      causes[j]?.push(i);
      effects[i]?.push(j);
    });
  });
  return { findings, causes, effects };
}

/** Every finding reachable from `start` by following cause → effect links, itself included. */
export function explainedBy(graph: CauseGraph, start: number): Set<number> {
  const seen = new Set<number>([start]);
  const queue = [start];
  while (queue.length) {
    const next = queue.shift() as number;
    for (const effect of graph.effects[next] ?? []) {
      if (!seen.has(effect)) {
        seen.add(effect);
        queue.push(effect);
      }
    }
  }
  return seen;
}
