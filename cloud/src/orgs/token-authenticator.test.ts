import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuleBook } from '../org-rules/rule-book.ts';
import { LocalStore } from '../store/local/local-store.ts';
import { createOrganization, rotateTokens } from './organizations.ts';
import { TokenAuthenticator } from './token-authenticator.ts';

describe('TokenAuthenticator', () => {
  let dir: string;
  let store: LocalStore;
  let authenticator: TokenAuthenticator;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tokens-'));
    store = new LocalStore(dir);
    authenticator = new TokenAuthenticator(store);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the organization of each kind of token, and only for that kind', async () => {
    const { webhookToken, apiToken } = await createOrganization(
      { store, rules: new RuleBook(store) },
      { id: 'acme' },
    );
    expect(await authenticator.authenticate(webhookToken, 'webhook')).toBe('acme');
    expect(await authenticator.authenticate(apiToken, 'api')).toBe('acme');
    expect(await authenticator.authenticate(webhookToken, 'api')).toBeUndefined();
    expect(await authenticator.authenticate(`${webhookToken}x`, 'webhook')).toBeUndefined();
    expect(await authenticator.authenticate(undefined, 'webhook')).toBeUndefined();
  });

  it('refuses a token that worked a moment ago once it is rotated', async () => {
    const created = await createOrganization({ store, rules: new RuleBook(store) }, { id: 'acme' });
    // Used twice: the second time its hash is remembered.
    expect(await authenticator.authenticate(created.webhookToken, 'webhook')).toBe('acme');
    expect(await authenticator.authenticate(created.webhookToken, 'webhook')).toBe('acme');
    const rotated = await rotateTokens(store, 'acme');
    expect(await authenticator.authenticate(created.webhookToken, 'webhook')).toBeUndefined();
    expect(await authenticator.authenticate(rotated.webhookToken, 'webhook')).toBe('acme');
  });
});
