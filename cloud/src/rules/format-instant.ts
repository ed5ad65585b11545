/**
 * An instant as a user reads it in a reason: `2026-03-07 14:05 UTC` (minute precision; UTC
 * because a reason is stored once and read from anywhere).
 */
export function formatInstant(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
