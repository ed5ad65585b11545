import type { KubeObject } from '../../kube/kube-types.ts';

/** One column of a kubectl table: its header and how to read a cell from an object. */
export type Column = {
  header: string;
  cell: (object: KubeObject, now: number) => string;
  /** Shown only with `-o wide`. */
  wide?: boolean;
};

/** `<none>` for an empty value, as kubectl prints it. */
export const orNone = (value: string | undefined | null): string => (value ? value : '<none>');
