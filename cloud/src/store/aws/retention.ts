import { z } from 'zod';
import { TTL_ATTRIBUTE } from './table-definition.ts';

/** Days each record type is kept; 0 keeps it forever. Organizations and rules are never expired. */
export const RetentionDays = z.object({
  alerts: z.number().int().min(0).default(90),
  decisions: z.number().int().min(0).default(90),
  investigations: z.number().int().min(0).default(90),
  timeline: z.number().int().min(0).default(90),
  messages: z.number().int().min(0).default(90),
});
export type RetentionDays = z.infer<typeof RetentionDays>;
export type RetentionDaysInput = z.input<typeof RetentionDays>;

const DAY_SECONDS = 86_400;

/** The TTL attribute value (epoch seconds) for a record last touched at `iso`, or none. */
export function expiresAt(iso: string, days: number): number | undefined {
  if (days === 0) return undefined;
  return Math.floor(Date.parse(iso) / 1000) + days * DAY_SECONDS;
}

/**
 * DynamoDB deletes expired items only eventually (and dynalite never): reads treat an item
 * past its TTL as gone.
 */
export function isExpired(item: Record<string, unknown>, now: Date): boolean {
  const ttl = item[TTL_ATTRIBUTE];
  return typeof ttl === 'number' && ttl * 1000 <= now.getTime();
}
