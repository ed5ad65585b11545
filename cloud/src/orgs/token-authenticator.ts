import type { Store } from '../store/store.ts';
import { hashToken, sameHash, type TokenKind } from './tokens.ts';

/**
 * Finds the organization a token belongs to. Only hashes are stored; the stored hash is compared
 * with the presented one in constant time. The store answers from its current data, so an
 * organization created or a token rotated from the CLI takes effect without a restart.
 */
export class TokenAuthenticator {
  readonly #store: Store;
  /** API tokens valid for this process only (in-process front ends), by hash. */
  readonly #processTokens = new Map<string, string>();

  constructor(store: Store) {
    this.#store = store;
  }

  /**
   * Accepts `token` as an API token of `orgId` until the process ends. It is never stored: an
   * in-process front end (the Slack bot) gets one at start-up, so the org's real API token,
   * kept only as a hash, need not be known.
   */
  allowForProcess(token: string, orgId: string): void {
    this.#processTokens.set(hashToken(token), orgId);
  }

  /** The organization id for a token of this kind, or undefined. */
  async authenticate(token: string | undefined, kind: TokenKind): Promise<string | undefined> {
    if (!token || token.length > 512) return undefined;
    const hash = hashToken(token);
    // Looked up by hash, like stored tokens: the hash reveals nothing about the token.
    const processOrg = kind === 'api' ? this.#processTokens.get(hash) : undefined;
    if (processOrg) return processOrg;
    const found = await this.#store.findOrganizationByTokenHash(hash);
    if (!found || found.kind !== kind) return undefined;
    const stored = kind === 'webhook' ? found.org.webhookTokenHash : found.org.apiTokenHash;
    return sameHash(stored, hash) ? found.org.id : undefined;
  }
}
