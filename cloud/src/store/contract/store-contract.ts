import { describe } from 'vitest';
import type { Store } from '../store.ts';
import { alertCases } from './alert-cases.ts';
import { conversationCases } from './conversation-cases.ts';
import { investigationCases } from './investigation-cases.ts';
import { isolationCases } from './isolation-cases.ts';
import { organizationCases } from './organization-cases.ts';
import { ruleCases } from './rule-cases.ts';

/** Makes an empty store for one test. */
export type MakeStore = () => Promise<Store>;

/**
 * The behaviour every `Store` adapter must show, run against each adapter (local files,
 * DynamoDB): ordering newest first, opaque cursors, filters, idempotent batches, and that no
 * method lets one organization read or change another's records.
 */
export function describeStoreContract(name: string, makeStore: MakeStore): void {
  describe(`Store contract: ${name}`, () => {
    organizationCases(makeStore);
    alertCases(makeStore);
    investigationCases(makeStore);
    conversationCases(makeStore);
    ruleCases(makeStore);
    isolationCases(makeStore);
  });
}
