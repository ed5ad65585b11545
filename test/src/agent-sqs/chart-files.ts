import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { z } from 'zod';

/** The agent's Helm chart and Dockerfile, as files: Helm and Docker cannot run here. */
export const CHART_DIR = fileURLToPath(new URL('../../../agent/chart/', import.meta.url));
export const AGENT_DIR = fileURLToPath(new URL('../../../agent/', import.meta.url));

export const PolicyRule = z.strictObject({
  apiGroups: z.array(z.string()),
  resources: z.array(z.string()),
  verbs: z.array(z.string()),
});
export type PolicyRule = z.infer<typeof PolicyRule>;

const RbacRules = z.strictObject({ namespaced: z.array(PolicyRule), clusterScoped: z.array(PolicyRule) });

export function readChartFile(path: string): string {
  return readFileSync(`${CHART_DIR}${path}`, 'utf8');
}

/** files/rbac-rules.yaml, the one list the chart's Roles and ClusterRole render. */
export function readRbacRules(): z.infer<typeof RbacRules> {
  return RbacRules.parse(parse(readChartFile('files/rbac-rules.yaml')));
}

export function readValues(): Record<string, unknown> {
  return parse(readChartFile('values.yaml'));
}

/**
 * A template's YAML skeleton: lines holding only a template action are dropped and inline
 * actions become the string `TEMPLATED`. Both branches of a conditional survive, which is what
 * a check of fixed settings wants: they hold whatever the values are.
 */
export function readTemplateSkeleton(path: string): unknown[] {
  const text = readChartFile(`templates/${path}`)
    .split('\n')
    .filter((line) => !/^\s*\{\{-?[\s\S]*?-?\}\}\s*$/.test(line))
    .map((line) => line.replace(/\{\{-?[\s\S]*?-?\}\}/g, 'TEMPLATED'))
    .join('\n');
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`templates/${path}: ${document.errors[0]?.message}`);
      return document.toJS();
    })
    .filter((document) => document !== null);
}
