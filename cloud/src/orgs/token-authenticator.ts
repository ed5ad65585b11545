import type { Organization } from '@opsworker/shared';
import type { Store } from '../store/store.ts';
import { hashToken, sameHash, type TokenKind } from './tokens.ts';

const RELOAD_INTERVAL_MS = 1000;

interface TokenEntry {
  orgId: string;
  kind: TokenKind;
  hash: string;
}

/**
 * Finds the organization a token belongs to. Organizations are cached; an unknown token
 * triggers a reload (at most once a second) so that an organization created from the CLI
 * while the server runs is accepted without a restart.
 */
export class TokenAuthenticator {
  readonly #store: Store;
  #byHash = new Map<string, TokenEntry>();
  #loadedAt = 0;

  constructor(store: Store) {
    this.#store = store;
  }

  async reload(): Promise<void> {
    const byHash = new Map<string, TokenEntry>();
    for (const org of await this.#store.listOrganizations()) this.#index(byHash, org);
    this.#byHash = byHash;
    this.#loadedAt = Date.now();
  }

  #index(map: Map<string, TokenEntry>, org: Organization): void {
    map.set(org.webhookTokenHash, { orgId: org.id, kind: 'webhook', hash: org.webhookTokenHash });
    map.set(org.apiTokenHash, { orgId: org.id, kind: 'api', hash: org.apiTokenHash });
  }

  /** The organization id for a token of this kind, or undefined. */
  async authenticate(token: string | undefined, kind: TokenKind): Promise<string | undefined> {
    if (!token || token.length > 512) return undefined;
    const hash = hashToken(token);
    let entry = this.#byHash.get(hash);
    if (!entry && Date.now() - this.#loadedAt > RELOAD_INTERVAL_MS) {
      await this.reload();
      entry = this.#byHash.get(hash);
    }
    if (!entry || entry.kind !== kind) return undefined;
    return sameHash(entry.hash, hash) ? entry.orgId : undefined;
  }
}
