import { BedrockModel, type Model } from '@strands-agents/sdk';
import type { LlmConnection } from './llm-config.ts';

/** The most one model call may write: reports and answers are short; a runaway reply is not. */
export const MAX_OUTPUT_TOKENS_PER_CALL = 4096;

/**
 * Self-hosted servers (Ollama, vLLM) usually want no key, but the openai client refuses to
 * start without one; they ignore whatever is sent.
 */
const NO_KEY = 'not-needed';

function azureV1BaseUrl(endpoint: string): string {
  return `${new URL(endpoint).origin}/openai/v1/`;
}

/**
 * A Strands model for one provider and model id. OpenAI-style providers speak Chat Completions
 * (`api: 'chat'`), which every compatible server implements. Azure OpenAI uses the v1
 * OpenAI-compatible endpoint (`https://<resource>.openai.azure.com/openai/v1/`, the key in the
 * `api-key` header, the deployment name as the model) unless an API version is configured, in
 * which case the openai package's AzureOpenAI client builds the classic
 * `/openai/deployments/<deployment>/chat/completions?api-version=...` path.
 */
export async function createModel(connection: LlmConnection, modelId: string): Promise<Model> {
  if (connection.provider === 'bedrock') {
    // Credentials come from the AWS default chain (IAM role, profile, env): no key here.
    return new BedrockModel({ region: connection.region, modelId, maxTokens: MAX_OUTPUT_TOKENS_PER_CALL });
  }
  // Loaded on demand: most installations never configure an OpenAI-style model.
  const { OpenAIModel } = await import('@strands-agents/sdk/models/openai');
  const common = { api: 'chat' as const, modelId, maxTokens: MAX_OUTPUT_TOKENS_PER_CALL };
  switch (connection.provider) {
    case 'openai':
      return new OpenAIModel({
        ...common,
        apiKey: connection.apiKey,
        ...(connection.baseUrl ? { clientConfig: { baseURL: connection.baseUrl } } : {}),
      });
    case 'openai-compatible':
      return new OpenAIModel({
        ...common,
        apiKey: connection.apiKey ?? NO_KEY,
        clientConfig: { baseURL: connection.baseUrl },
      });
    case 'azure-openai': {
      if (connection.apiVersion) {
        const { AzureOpenAI } = await import('openai');
        const client = new AzureOpenAI({
          endpoint: connection.endpoint,
          apiKey: connection.apiKey,
          apiVersion: connection.apiVersion,
        });
        return new OpenAIModel({ ...common, client });
      }
      return new OpenAIModel({
        ...common,
        apiKey: connection.apiKey,
        clientConfig: {
          baseURL: azureV1BaseUrl(connection.endpoint),
          defaultHeaders: { 'api-key': connection.apiKey },
        },
      });
    }
  }
}
