import type { Organization } from '@opsworker/shared';
import { ValidationError } from '@opsworker/shared';
import type { RuleBook } from '../org-rules/rule-book.ts';
import { defaultRules } from '../rules/default-rules.ts';
import type { Store } from '../store/store.ts';
import { generateToken, hashToken } from './tokens.ts';

export const DEFAULT_ORG_ID = 'default';
const ORG_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A created organization with its tokens in clear: the only time they are ever shown. */
export interface CreatedOrganization {
  org: Organization;
  webhookToken: string;
  apiToken: string;
}

/** Creates an organization with fresh (or given) tokens and the default rules. */
export async function createOrganization(
  deps: { store: Store; rules: RuleBook },
  input: { id: string; name?: string; webhookToken?: string; apiToken?: string },
): Promise<CreatedOrganization> {
  if (!ORG_ID.test(input.id)) {
    throw new ValidationError(
      `organization id "${input.id}" must be lower-case letters, digits and dashes (max 63)`,
      {
        field: 'id',
      },
    );
  }
  if (await deps.store.getOrganization(input.id)) {
    throw new ValidationError(`organization "${input.id}" already exists`, { field: 'id' });
  }
  const webhookToken = input.webhookToken ?? generateToken('webhook');
  const apiToken = input.apiToken ?? generateToken('api');
  const org: Organization = {
    id: input.id,
    name: input.name ?? input.id,
    createdAt: new Date().toISOString(),
    webhookTokenHash: hashToken(webhookToken),
    apiTokenHash: hashToken(apiToken),
  };
  for (const rule of defaultRules()) await deps.rules.create(org.id, rule);
  await deps.store.putOrganization(org);
  return { org, webhookToken, apiToken };
}

/** Replaces an organization's tokens; the old ones stop working at once. */
export async function rotateTokens(store: Store, orgId: string): Promise<CreatedOrganization> {
  const org = await store.getOrganization(orgId);
  if (!org) throw new ValidationError(`organization "${orgId}" does not exist`, { field: 'id' });
  const webhookToken = generateToken('webhook');
  const apiToken = generateToken('api');
  const rotated = { ...org, webhookTokenHash: hashToken(webhookToken), apiTokenHash: hashToken(apiToken) };
  await store.putOrganization(rotated);
  return { org: rotated, webhookToken, apiToken };
}

/**
 * Makes sure the default organization exists. Tokens given in the environment win (their
 * hashes replace the stored ones); otherwise tokens are generated on first start and returned
 * once so the caller can print them.
 */
export async function ensureDefaultOrganization(
  deps: { store: Store; rules: RuleBook },
  tokens: { webhookToken?: string; apiToken?: string },
): Promise<{ created?: CreatedOrganization; org: Organization }> {
  const existing = await deps.store.getOrganization(DEFAULT_ORG_ID);
  if (!existing) {
    const created = await createOrganization(deps, { id: DEFAULT_ORG_ID, name: 'Default', ...tokens });
    return { created, org: created.org };
  }
  const wanted = {
    ...existing,
    ...(tokens.webhookToken ? { webhookTokenHash: hashToken(tokens.webhookToken) } : {}),
    ...(tokens.apiToken ? { apiTokenHash: hashToken(tokens.apiToken) } : {}),
  };
  if (
    wanted.webhookTokenHash !== existing.webhookTokenHash ||
    wanted.apiTokenHash !== existing.apiTokenHash
  ) {
    await deps.store.putOrganization(wanted);
  }
  return { org: wanted };
}
