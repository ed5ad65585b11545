import type { Store } from '../store/store.ts';
import { hashToken, sameHash, type TokenKind } from './tokens.ts';

const REMEMBERED_TOKENS = 1024;

/**
 * Finds the organization a token belongs to. Only hashes are stored; the stored hash is compared
 * with the presented one in constant time. The store answers from its current data, so an
 * organization created or a token rotated from the CLI takes effect without a restart.
 */
export class TokenAuthenticator {
  readonly #store: Store;
  /** API tokens valid for this process only (in-process front ends), by hash. */
  readonly #processTokens = new Map<string, string>();
  /** Tokens that authenticated, with their hash (see `#hashOf`). */
  readonly #hashes = new Map<string, string>();

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
    const hash = this.#hashOf(token);
    // Looked up by hash, like stored tokens: the hash reveals nothing about the token.
    const processOrg = kind === 'api' ? this.#processTokens.get(hash) : undefined;
    if (processOrg) return processOrg;
    const found = await this.#store.findOrganizationByTokenHash(hash);
    if (!found || found.kind !== kind) return undefined;
    const stored = kind === 'webhook' ? found.org.webhookTokenHash : found.org.apiTokenHash;
    if (!sameHash(stored, hash)) return undefined;
    this.#remember(token, hash);
    return found.org.id;
  }

  /**
   * In a storm every delivery carries the same token, and hashing it was a twentieth of
   * accepting one: a token that authenticated keeps its hash. Only the hashing is skipped; the
   * hash is still looked up and compared in constant time, so a rotated token fails at once.
   */
  #hashOf(token: string): string {
    return this.#hashes.get(token) ?? hashToken(token);
  }

  #remember(token: string, hash: string): void {
    if (this.#hashes.has(token)) return;
    // Bounded: only tokens that authenticated are kept, and never more than this many.
    if (this.#hashes.size >= REMEMBERED_TOKENS) this.#hashes.clear();
    this.#hashes.set(token, hash);
  }
}
