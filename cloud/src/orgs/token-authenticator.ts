import type { Store } from '../store/store.ts';
import { hashToken, sameHash, type TokenKind } from './tokens.ts';

/**
 * Finds the organization a token belongs to. Only hashes are stored; the stored hash is compared
 * with the presented one in constant time. The store answers from its current data, so an
 * organization created or a token rotated from the CLI takes effect without a restart.
 */
export class TokenAuthenticator {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** The organization id for a token of this kind, or undefined. */
  async authenticate(token: string | undefined, kind: TokenKind): Promise<string | undefined> {
    if (!token || token.length > 512) return undefined;
    const hash = hashToken(token);
    const found = await this.#store.findOrganizationByTokenHash(hash);
    if (!found || found.kind !== kind) return undefined;
    const stored = kind === 'webhook' ? found.org.webhookTokenHash : found.org.apiTokenHash;
    return sameHash(stored, hash) ? found.org.id : undefined;
  }
}
