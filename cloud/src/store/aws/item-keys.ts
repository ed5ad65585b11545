/**
 * Key builders for the single table (docs/cloud-data-model.md). Every organization-owned key
 * starts with `ORG#<orgId>`: a partition holds one organization and nothing else.
 */

/** Sorts after every character ids, sequence numbers and ISO times use: closes a key range. */
export const HIGH = '~';

export const orgPartition = (orgId: string) => `ORG#${orgId}`;
export const ORG_SORT_KEY = 'ORG';
export const ORGS_INDEX_PARTITION = 'ORGS';
export const tokenIndexPartition = (hash: string) => `TOKEN#${hash}`;

/** The collections inside an org partition, by sort key prefix. */
export const COLLECTION = {
  alert: 'ALERT#',
  decision: 'DEC#',
  investigation: 'INV#',
  timeline: 'TL#',
  message: 'MSG#',
  rule: 'RULE#',
} as const;
export type Collection = keyof typeof COLLECTION;

export const alertSortKey = (id: string) => `${COLLECTION.alert}${id}`;
export const decisionSortKey = (id: string) => `${COLLECTION.decision}${id}`;
export const investigationSortKey = (id: string) => `${COLLECTION.investigation}${id}`;
export const ruleSortKey = (id: string) => `${COLLECTION.rule}${id}`;

/** Fixed width so that sequence numbers sort as numbers. */
export const paddedSeq = (seq: number) => String(seq).padStart(10, '0');
export const timelinePrefix = (investigationId: string) => `${COLLECTION.timeline}${investigationId}#`;
export const timelineSortKey = (investigationId: string, seq: number, eventId: string) =>
  `${timelinePrefix(investigationId)}${paddedSeq(seq)}#${eventId}`;

export const messagePrefix = (investigationId: string) => `${COLLECTION.message}${investigationId}#`;
export const messageSortKey = (investigationId: string, at: string, id: string) =>
  `${messagePrefix(investigationId)}${isoTime(at)}#${id}`;

export const fingerprintIndexKey = (orgId: string, fingerprint: string) => `ORG#${orgId}#FP#${fingerprint}`;
export const groupIndexKey = (orgId: string, groupKey: string) => `ORG#${orgId}#GROUP#${groupKey}`;
export const alertDecisionsIndexKey = (orgId: string, alertId: string) => `ORG#${orgId}#DECISIONS#${alertId}`;
export const unfinishedIndexKey = (orgId: string) => `ORG#${orgId}#UNFINISHED`;

/**
 * One spelling per instant (`…T10:00:00.000Z`): ISO strings compare as text in key conditions,
 * and `10:00:00Z` would sort after `10:00:00.500Z`.
 */
export const isoTime = (iso: string) => new Date(iso).toISOString();
