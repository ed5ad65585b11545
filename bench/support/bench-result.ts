/** One measured figure, as `npm run bench` prints it. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The target, in words (e.g. "≥ 0.5"), when there is one. */
  target?: string;
  /** Whether the target was met; undefined for informational figures. */
  met?: boolean;
  detail?: string;
}
