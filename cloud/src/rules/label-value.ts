/**
 * A label's value, or `''` when the alert does not carry it (Alertmanager's rule: a missing
 * label equals the empty string). Labels arrive as plain objects, so inherited names such as
 * `constructor` must not be mistaken for labels.
 */
export function labelValue(labels: Readonly<Record<string, string>>, name: string): string {
  const value = labels[name];
  return typeof value === 'string' ? value : '';
}
