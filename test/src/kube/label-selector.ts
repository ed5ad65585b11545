import { badRequest } from './api-status.ts';

type Operator = 'exists' | 'notexists' | 'in' | 'notin' | 'gt' | 'lt';

interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** A parsed `labelSelector` query: true for the labels it selects. */
export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

const KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const SET = /^(\S+)\s+(in|notin)\s*\((.*)\)$/;
const COMPARISON = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/;

/**
 * Parses a label selector with the operators the API server accepts (`=`, `==`, `!=`, `in`,
 * `notin`, `key`, `!key`, `>`, `<`). An invalid selector is a 400, as on a real cluster.
 */
export function parseLabelSelector(selector: string | undefined): LabelMatcher {
  const requirements = splitTopLevel(selector ?? '').map(parseRequirement);
  return (labels) => requirements.every((r) => matches(r, labels ?? {}));
}

function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function parseRequirement(text: string): Requirement {
  if (text.startsWith('!')) return { key: checkKey(text.slice(1).trim()), operator: 'notexists', values: [] };
  const set = SET.exec(text);
  if (set) {
    const values = (set[3] ?? '').split(',').map((v) => checkValue(v.trim()));
    return { key: checkKey(set[1] ?? ''), operator: set[2] === 'in' ? 'in' : 'notin', values };
  }
  const comparison = COMPARISON.exec(text);
  if (comparison) {
    const [, key = '', op = '', value = ''] = comparison;
    const operator: Operator = op === '!=' ? 'notin' : op === '>' ? 'gt' : op === '<' ? 'lt' : 'in';
    if ((operator === 'gt' || operator === 'lt') && !/^-?\d+$/.test(value.trim())) {
      throw badRequest(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`);
    }
    return { key: checkKey(key), operator, values: [checkValue(value.trim())] };
  }
  return { key: checkKey(text), operator: 'exists', values: [] };
}

function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 317) {
    throw badRequest(
      `unable to parse requirement: invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.'`,
    );
  }
  return key;
}

function checkValue(value: string): string {
  if (!VALUE.test(value) || value.length > 63) {
    throw badRequest(
      `unable to parse requirement: invalid label value: "${value}": must be 63 characters or less and consist of alphanumeric characters, '-', '_' or '.'`,
    );
  }
  return value;
}

function matches(requirement: Requirement, labels: Record<string, string>): boolean {
  const present = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'exists':
      return present;
    case 'notexists':
      return !present;
    case 'in':
      return present && requirement.values.includes(value ?? '');
    case 'notin':
      return !present || !requirement.values.includes(value ?? '');
    case 'gt':
      return present && Number(value) > Number(requirement.values[0]);
    case 'lt':
      return present && Number(value) < Number(requirement.values[0]);
  }
}
