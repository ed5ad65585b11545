import type { KubeObject } from '../types.ts';

/** A column of a `meta.k8s.io/v1` Table; priority 1 columns show only with `-o wide`. */
export interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  priority: number;
}

/** Turns objects of one kind into the rows `kubectl get` prints, like the API server's printers. */
export interface TablePrinter {
  columns: ColumnDefinition[];
  row(object: KubeObject, now: Date): unknown[];
}

/** Shorthand for a column definition: `column('Ready')`, `column('IP', 'string', 1)`. */
export function column(
  name: string,
  type: ColumnDefinition['type'] = 'string',
  priority = 0,
  description = '',
): ColumnDefinition {
  return { name, type, format: name === 'Name' ? 'name' : '', description: description || name, priority };
}
