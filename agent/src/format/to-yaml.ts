/**
 * A compact YAML emitter for JSON values (what `-o yaml` and generic describes need): block style,
 * strings quoted only when YAML would misread them, multi-line strings as `|` blocks.
 */

const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9 _./:@+=-]*$/;
const RESERVED =
  /^(?:true|false|yes|no|on|off|null|~|y|n|[-+]?(?:\d[\d_]*)?\.?\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i;

function scalar(value: string): string {
  if (value === '') return "''";
  if (
    PLAIN.test(value) &&
    !RESERVED.test(value) &&
    !value.endsWith(':') &&
    !value.includes(': ') &&
    !value.includes(' #')
  ) {
    return value;
  }
  return JSON.stringify(value);
}

const key = (k: string) => (PLAIN.test(k) && !RESERVED.test(k) && !k.includes(': ') ? k : JSON.stringify(k));

function isEmpty(value: unknown): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

function inline(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value.includes('\n') ? undefined : scalar(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (typeof value === 'object' && isEmpty(value)) return '{}';
  return undefined;
}

function block(text: string, indent: string): string {
  const chomp = text.endsWith('\n') ? '' : '-';
  const body = (text.endsWith('\n') ? text.slice(0, -1) : text)
    .split('\n')
    .map((line) => (line ? `${indent}${line}` : ''));
  return `|${chomp}\n${body.join('\n')}`;
}

function emit(value: unknown, indent: string, lines: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      const simple = inline(item);
      if (simple !== undefined) lines.push(`${indent}- ${simple}`);
      else if (typeof item === 'string') lines.push(`${indent}- ${block(item, `${indent}  `)}`);
      else if (Array.isArray(item)) {
        lines.push(`${indent}-`);
        emit(item, `${indent}  `, lines);
      } else {
        // The first key shares the dash's line, as kubectl writes lists of objects.
        const nested: string[] = [];
        emit(item, `${indent}  `, nested);
        const [first = '', ...others] = nested;
        lines.push(`${indent}- ${first.slice(indent.length + 2)}`, ...others);
      }
    }
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const simple = inline(v);
    if (simple !== undefined) lines.push(`${indent}${key(k)}: ${simple}`);
    else if (typeof v === 'string') lines.push(`${indent}${key(k)}: ${block(v, `${indent}  `)}`);
    else {
      lines.push(`${indent}${key(k)}:`);
      emit(v, Array.isArray(v) ? indent : `${indent}  `, lines);
    }
  }
}

/** YAML text for a JSON value, ending with a newline. */
export function toYaml(value: unknown): string {
  const simple = inline(value);
  if (simple !== undefined) return `${simple}\n`;
  if (typeof value === 'string') return `${block(value, '  ')}\n`;
  const lines: string[] = [];
  emit(value, '', lines);
  return `${lines.join('\n')}\n`;
}
