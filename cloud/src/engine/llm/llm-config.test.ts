import { ConfigError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { loadLlmConfig, readLlmConfig } from './llm-config.ts';

const problemsOf = (env: Record<string, string>) => {
  const result = readLlmConfig(env);
  return result.ok ? [] : result.problems;
};

describe('readLlmConfig', () => {
  it('means no LLM at all when nothing is set (deterministic reports only)', () => {
    expect(readLlmConfig({ HOME: '/root', OPENAI_API_KEY: 'sk-elsewhere' })).toEqual({
      ok: true,
      config: undefined,
    });
  });

  it('refuses an unknown provider by name instead of falling back to another', () => {
    const load = () => loadLlmConfig({ OPSWORKER_LLM_PROVIDER: 'anthropic', OPSWORKER_LLM_MODEL: 'claude' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      'OPSWORKER_LLM_PROVIDER: must be one of bedrock, openai, azure-openai, openai-compatible (or unset: no LLM)',
    );
  });

  it('refuses model settings without a provider rather than silently ignoring them', () => {
    expect(problemsOf({ OPSWORKER_LLM_MODEL: 'gpt-4o' })).toEqual([
      'OPSWORKER_LLM_PROVIDER: not set, but OPSWORKER_LLM_MODEL is; set a provider (bedrock, openai, azure-openai, openai-compatible) or remove them',
    ]);
  });

  it.each([
    ['bedrock', { AWS_REGION: 'eu-west-1' }, { provider: 'bedrock', region: 'eu-west-1' }],
    [
      'bedrock with the SDK’s other region variable',
      { AWS_DEFAULT_REGION: 'us-east-1' },
      { provider: 'bedrock', region: 'us-east-1' },
    ],
    ['openai', { OPENAI_API_KEY: 'sk-test' }, { provider: 'openai', apiKey: 'sk-test' }],
    [
      'openai, our key first',
      { OPENAI_API_KEY: 'sk-theirs', OPSWORKER_LLM_API_KEY: 'sk-ours' },
      { provider: 'openai', apiKey: 'sk-ours' },
    ],
    [
      'openai-compatible',
      { OPSWORKER_LLM_BASE_URL: 'http://127.0.0.1:11434/v1' },
      { provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1' },
    ],
    [
      'azure-openai',
      {
        OPSWORKER_LLM_AZURE_ENDPOINT: 'https://acme.openai.azure.com',
        AZURE_OPENAI_API_KEY: 'az-key',
        OPSWORKER_LLM_AZURE_API_VERSION: '2024-10-21',
      },
      {
        provider: 'azure-openai',
        endpoint: 'https://acme.openai.azure.com',
        apiKey: 'az-key',
        apiVersion: '2024-10-21',
      },
    ],
  ])('connects to %s', (_name, env, connection) => {
    const provider = connection.provider;
    const config = loadLlmConfig({ OPSWORKER_LLM_PROVIDER: provider, OPSWORKER_LLM_MODEL: 'm', ...env });
    expect(config?.connection).toEqual(connection);
  });

  it.each([
    ['bedrock', {}, 'AWS_REGION: the Bedrock region is required'],
    ['openai', {}, 'OPSWORKER_LLM_API_KEY (or OPENAI_API_KEY): required for openai'],
    [
      'openai-compatible',
      {},
      'OPSWORKER_LLM_BASE_URL: required for openai-compatible (e.g. http://127.0.0.1:11434/v1)',
    ],
    [
      'openai-compatible',
      { OPSWORKER_LLM_BASE_URL: 'ftp://host/v1' },
      'OPSWORKER_LLM_BASE_URL: must be an http(s) URL',
    ],
    [
      'azure-openai',
      { AZURE_OPENAI_API_KEY: 'k' },
      'OPSWORKER_LLM_AZURE_ENDPOINT: required for azure-openai (https://<resource>.openai.azure.com)',
    ],
  ])('says what %s is missing', (provider, env, problem) => {
    expect(problemsOf({ OPSWORKER_LLM_PROVIDER: provider, OPSWORKER_LLM_MODEL: 'm', ...env })).toContain(
      problem,
    );
  });

  it('needs a model for every stage, and lets each stage override the default', () => {
    expect(problemsOf({ OPSWORKER_LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'k' })).toHaveLength(3);
    const config = loadLlmConfig({
      OPSWORKER_LLM_PROVIDER: 'openai',
      OPENAI_API_KEY: 'k',
      OPSWORKER_LLM_MODEL: 'gpt-4.1',
      OPSWORKER_LLM_TRIAGE_MODEL: 'gpt-4.1-nano',
    });
    expect(config?.models).toEqual({ triage: 'gpt-4.1-nano', investigation: 'gpt-4.1', report: 'gpt-4.1' });
  });

  it('uses the Azure deployment as the model', () => {
    const config = loadLlmConfig({
      OPSWORKER_LLM_PROVIDER: 'azure-openai',
      OPSWORKER_LLM_AZURE_ENDPOINT: 'https://acme.openai.azure.com',
      OPSWORKER_LLM_API_KEY: 'k',
      OPSWORKER_LLM_AZURE_DEPLOYMENT: 'sre-gpt-4o',
    });
    expect(config?.models.report).toBe('sre-gpt-4o');
  });

  it('has budgets by default and reads them, and price overrides, when set', () => {
    const base = { OPSWORKER_LLM_PROVIDER: 'bedrock', AWS_REGION: 'eu-west-1', OPSWORKER_LLM_MODEL: 'm' };
    expect(loadLlmConfig(base)?.budgets).toEqual({
      maxToolCalls: 12,
      maxTokens: 150_000,
      timeoutMs: 120_000,
    });
    const config = loadLlmConfig({
      ...base,
      OPSWORKER_LLM_MAX_TOOL_CALLS: '5',
      OPSWORKER_LLM_MAX_TOKENS: '20000',
      OPSWORKER_LLM_TIMEOUT_MS: '30000',
      OPSWORKER_LLM_PRICES: '{"m": {"input": 0.001, "output": 0.002}}',
    });
    expect(config?.budgets).toEqual({ maxToolCalls: 5, maxTokens: 20_000, timeoutMs: 30_000 });
    expect(config?.prices).toEqual({ m: { input: 0.001, output: 0.002 } });
  });

  it('reports every bad value at once, by name', () => {
    const problems = problemsOf({
      OPSWORKER_LLM_PROVIDER: 'openai',
      OPSWORKER_LLM_MAX_TOOL_CALLS: 'lots',
      OPSWORKER_LLM_PRICES: '{not json',
    });
    expect(problems.join('\n')).toMatch(
      /OPSWORKER_LLM_MAX_TOOL_CALLS[\s\S]*OPSWORKER_LLM_PRICES: must be JSON/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(readLlmConfig({ OPSWORKER_LLM_PROVIDER: '' })).toEqual({ ok: true, config: undefined });
  });
});
