import { BedrockModel } from '@strands-agents/sdk';
import { describe, expect, it } from 'vitest';
import { createModel } from './create-model.ts';

describe('createModel', () => {
  it('builds a Bedrock model for the region, without any key (IAM from the default chain)', async () => {
    const model = await createModel({ provider: 'bedrock', region: 'eu-west-1' }, 'eu.amazon.nova-pro-v1:0');
    expect(model).toBeInstanceOf(BedrockModel);
    expect(model.modelId).toBe('eu.amazon.nova-pro-v1:0');
  });

  it.each([
    [{ provider: 'openai', apiKey: 'sk-test' }],
    [{ provider: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1' }],
    [{ provider: 'azure-openai', endpoint: 'https://acme.openai.azure.com', apiKey: 'k' }],
  ] as const)('builds a Chat Completions model for %j', async (connection) => {
    const model = await createModel(connection, 'm-1');
    expect(model.constructor.name).toBe('OpenAIModel');
    expect(model.getConfig()).toMatchObject({ modelId: 'm-1', maxTokens: 4096 });
  });
});
