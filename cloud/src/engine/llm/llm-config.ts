import { ConfigError } from '@opsworker/shared';
import { z } from 'zod';
import type { ModelPrice } from './model-prices.ts';

export const LLM_PROVIDERS = ['bedrock', 'openai', 'azure-openai', 'openai-compatible'] as const;
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** How to reach the provider; each provider needs different things. */
export type LlmConnection =
  | { provider: 'bedrock'; region: string }
  | { provider: 'openai'; apiKey: string; baseUrl?: string }
  | { provider: 'openai-compatible'; baseUrl: string; apiKey?: string }
  | { provider: 'azure-openai'; endpoint: string; apiKey: string; apiVersion?: string };

/** Per investigation (and per follow-up answer). */
export interface LlmBudgets {
  maxToolCalls: number;
  /** Input plus output tokens over every stage. */
  maxTokens: number;
  timeoutMs: number;
}

/** The model stages; each can use its own model (a cheap one for triage). */
export interface StageModels {
  triage: string;
  investigation: string;
  report: string;
}

export interface LlmConfig {
  connection: LlmConnection;
  models: StageModels;
  budgets: LlmBudgets;
  /** Price overrides per model id (USD per 1k tokens), on top of the list prices. */
  prices: Record<string, ModelPrice>;
}

const count = (max: number) => z.coerce.number().int().min(1).max(max);

const Prices = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(
      z.string().min(1),
      z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }),
      { message: 'must map model ids to {"input": USD per 1k, "output": USD per 1k}' },
    ),
  );

const Env = z.object({
  OPSWORKER_LLM_PROVIDER: z
    .enum(LLM_PROVIDERS, { message: `must be one of ${LLM_PROVIDERS.join(', ')} (or unset: no LLM)` })
    .optional(),
  OPSWORKER_LLM_MODEL: z.string().min(1).max(200).optional(),
  OPSWORKER_LLM_TRIAGE_MODEL: z.string().min(1).max(200).optional(),
  OPSWORKER_LLM_INVESTIGATION_MODEL: z.string().min(1).max(200).optional(),
  OPSWORKER_LLM_REPORT_MODEL: z.string().min(1).max(200).optional(),
  OPSWORKER_LLM_BASE_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  OPSWORKER_LLM_API_KEY: z.string().min(1).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  AZURE_OPENAI_API_KEY: z.string().min(1).optional(),
  OPSWORKER_LLM_AZURE_ENDPOINT: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  OPSWORKER_LLM_AZURE_DEPLOYMENT: z.string().min(1).max(200).optional(),
  OPSWORKER_LLM_AZURE_API_VERSION: z.string().min(1).max(50).optional(),
  AWS_REGION: z.string().min(1).optional(),
  AWS_DEFAULT_REGION: z.string().min(1).optional(),
  OPSWORKER_LLM_MAX_TOOL_CALLS: count(200).default(12),
  OPSWORKER_LLM_MAX_TOKENS: count(10_000_000).default(150_000),
  OPSWORKER_LLM_TIMEOUT_MS: count(30 * 60_000).default(120_000),
  OPSWORKER_LLM_PRICES: Prices.optional(),
});
type Env = z.infer<typeof Env>;

/** The outcome of reading the environment: a config (undefined: no LLM) or every problem found. */
export type LlmConfigResult = { ok: true; config: LlmConfig | undefined } | { ok: false; problems: string[] };

function connectionFor(e: Env, problems: string[]): LlmConnection | undefined {
  const need = (value: string | undefined, message: string) => {
    if (!value) problems.push(message);
    return value ?? '';
  };
  switch (e.OPSWORKER_LLM_PROVIDER) {
    case 'bedrock':
      return {
        provider: 'bedrock',
        region: need(e.AWS_REGION ?? e.AWS_DEFAULT_REGION, 'AWS_REGION: the Bedrock region is required'),
      };
    case 'openai':
      return {
        provider: 'openai',
        apiKey: need(
          e.OPSWORKER_LLM_API_KEY ?? e.OPENAI_API_KEY,
          'OPSWORKER_LLM_API_KEY (or OPENAI_API_KEY): required for openai',
        ),
        ...(e.OPSWORKER_LLM_BASE_URL ? { baseUrl: e.OPSWORKER_LLM_BASE_URL } : {}),
      };
    case 'openai-compatible':
      return {
        provider: 'openai-compatible',
        baseUrl: need(
          e.OPSWORKER_LLM_BASE_URL,
          'OPSWORKER_LLM_BASE_URL: required for openai-compatible (e.g. http://127.0.0.1:11434/v1)',
        ),
        ...(e.OPSWORKER_LLM_API_KEY ? { apiKey: e.OPSWORKER_LLM_API_KEY } : {}),
      };
    case 'azure-openai':
      return {
        provider: 'azure-openai',
        endpoint: need(
          e.OPSWORKER_LLM_AZURE_ENDPOINT,
          'OPSWORKER_LLM_AZURE_ENDPOINT: required for azure-openai (https://<resource>.openai.azure.com)',
        ),
        apiKey: need(
          e.OPSWORKER_LLM_API_KEY ?? e.AZURE_OPENAI_API_KEY,
          'OPSWORKER_LLM_API_KEY (or AZURE_OPENAI_API_KEY): required for azure-openai',
        ),
        ...(e.OPSWORKER_LLM_AZURE_API_VERSION ? { apiVersion: e.OPSWORKER_LLM_AZURE_API_VERSION } : {}),
      };
    default:
      return undefined;
  }
}

function modelsFor(e: Env, problems: string[]): StageModels {
  // Azure addresses models by deployment name.
  const fallback =
    e.OPSWORKER_LLM_MODEL ??
    (e.OPSWORKER_LLM_PROVIDER === 'azure-openai' ? e.OPSWORKER_LLM_AZURE_DEPLOYMENT : undefined);
  const stage = (name: string, value: string | undefined) => {
    const model = value ?? fallback;
    if (!model) problems.push(`${name}: no model for this stage; set OPSWORKER_LLM_MODEL for every stage`);
    return model ?? '';
  };
  return {
    triage: stage('OPSWORKER_LLM_TRIAGE_MODEL', e.OPSWORKER_LLM_TRIAGE_MODEL),
    investigation: stage('OPSWORKER_LLM_INVESTIGATION_MODEL', e.OPSWORKER_LLM_INVESTIGATION_MODEL),
    report: stage('OPSWORKER_LLM_REPORT_MODEL', e.OPSWORKER_LLM_REPORT_MODEL),
  };
}

/**
 * Reads the LLM settings from the environment. No provider means no LLM (deterministic
 * reports only); model settings without a provider are a mistake worth stopping for, not a
 * silent no. Empty variables count as unset.
 */
export function readLlmConfig(env: Record<string, string | undefined>): LlmConfigResult {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    };
  }
  const e = parsed.data;
  if (!e.OPSWORKER_LLM_PROVIDER) {
    const stray = Object.keys(present).filter(
      (name) => name.startsWith('OPSWORKER_LLM_') && name !== 'OPSWORKER_LLM_PROVIDER',
    );
    if (stray.length === 0) return { ok: true, config: undefined };
    return {
      ok: false,
      problems: [
        `OPSWORKER_LLM_PROVIDER: not set, but ${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'}; set a provider (${LLM_PROVIDERS.join(', ')}) or remove them`,
      ],
    };
  }
  const problems: string[] = [];
  const connection = connectionFor(e, problems);
  const models = modelsFor(e, problems);
  if (problems.length > 0 || !connection) return { ok: false, problems };
  return {
    ok: true,
    config: {
      connection,
      models,
      budgets: {
        maxToolCalls: e.OPSWORKER_LLM_MAX_TOOL_CALLS,
        maxTokens: e.OPSWORKER_LLM_MAX_TOKENS,
        timeoutMs: e.OPSWORKER_LLM_TIMEOUT_MS,
      },
      prices: e.OPSWORKER_LLM_PRICES ?? {},
    },
  };
}

/** readLlmConfig that throws a ConfigError listing every problem. */
export function loadLlmConfig(env: Record<string, string | undefined>): LlmConfig | undefined {
  const result = readLlmConfig(env);
  if (!result.ok) throw new ConfigError(`Invalid LLM configuration:\n  ${result.problems.join('\n  ')}`);
  return result.config;
}
