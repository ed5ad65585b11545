import type { NormalizedAlert } from '@opsworker/shared';
import { normalize } from '../normalize/index.ts';
import type { SnsOptions } from '../normalize/types.ts';
import type { JournalRecord } from './ingest-journal.ts';

/** An SNS envelope's signature was checked before the delivery was journaled: not again. */
const ALREADY_VERIFIED: SnsOptions = {
  verify: false,
  fetchCertificate: () => Promise.reject(new Error('a replay does not fetch certificates')),
};

/**
 * The alerts of a journaled delivery that was written as its body alone: the same normalizer,
 * at the same received time, gives the alerts it gave when the delivery was accepted.
 */
export async function normalizeForReplay(record: JournalRecord): Promise<NormalizedAlert[]> {
  const result = await normalize(record.source, record.raw, {
    receivedAt: new Date(record.receivedAt),
    sns: ALREADY_VERIFIED,
  });
  return result.kind === 'alerts' ? result.alerts : [];
}
