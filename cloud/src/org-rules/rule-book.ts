import type { Rule } from '@opsworker/shared';
import { NotFoundError } from '@opsworker/shared';
import { makeId } from '../ids/make-id.ts';
import { type CompiledRules, compileRules } from '../rules/compile-rules.ts';
import { validateRuleInput } from '../rules/validate-rule-input.ts';
import type { Store } from '../store/store.ts';

/**
 * An organization's rules: CRUD with validation, and the compiled set the pipeline decides
 * with, cached until the rules change.
 */
export class RuleBook {
  readonly #store: Store;
  readonly #compiled = new Map<string, Promise<CompiledRules>>();
  readonly #now: () => Date;

  constructor(store: Store, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#now = now;
  }

  compiled(orgId: string): Promise<CompiledRules> {
    let compiled = this.#compiled.get(orgId);
    if (!compiled) {
      compiled = this.#store.listRules(orgId).then(compileRules);
      this.#compiled.set(orgId, compiled);
      // A failed read must not stick in the cache.
      compiled.catch(() => this.#compiled.delete(orgId));
    }
    return compiled;
  }

  list(orgId: string): Promise<Rule[]> {
    return this.#store.listRules(orgId);
  }

  async get(orgId: string, id: string): Promise<Rule> {
    const rule = await this.#store.getRule(orgId, id);
    if (!rule) throw new NotFoundError(`rule ${id} not found`);
    return rule;
  }

  /** Validates and stores a new rule. Throws ValidationError naming the field. */
  async create(orgId: string, input: unknown): Promise<Rule> {
    const now = this.#now();
    const rule: Rule = {
      ...validateRuleInput(input),
      id: makeId('rule', now),
      orgId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await this.#store.putRule(rule);
    this.#compiled.delete(orgId);
    return rule;
  }

  /** Replaces a rule's definition, keeping its id and creation time. */
  async update(orgId: string, id: string, input: unknown): Promise<Rule> {
    const existing = await this.get(orgId, id);
    const rule: Rule = {
      ...validateRuleInput(input),
      id,
      orgId,
      createdAt: existing.createdAt,
      updatedAt: this.#now().toISOString(),
    };
    await this.#store.putRule(rule);
    this.#compiled.delete(orgId);
    return rule;
  }

  async delete(orgId: string, id: string): Promise<void> {
    if (!(await this.#store.deleteRule(orgId, id))) throw new NotFoundError(`rule ${id} not found`);
    this.#compiled.delete(orgId);
  }
}
