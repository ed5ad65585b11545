/** USD per 1,000 tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/**
 * List prices (USD per 1k tokens, on-demand, as published by the providers in 2025) of the
 * models people most often point OpsWorker at. Matched by substring of the model id, first
 * match wins, so the more specific names come first: `gpt-4o-mini` before `gpt-4o`, and
 * Bedrock ids with region prefixes and version suffixes (`us.anthropic.claude-3-5-haiku-
 * 20241022-v1:0`) still match. Prices change: `OPSWORKER_LLM_PRICES` overrides any of these.
 */
export const LIST_PRICES: ReadonlyArray<readonly [match: string, price: ModelPrice]> = [
  ['gpt-5-nano', { input: 0.00005, output: 0.0004 }],
  ['gpt-5-mini', { input: 0.00025, output: 0.002 }],
  ['gpt-5', { input: 0.00125, output: 0.01 }],
  ['gpt-4.1-nano', { input: 0.0001, output: 0.0004 }],
  ['gpt-4.1-mini', { input: 0.0004, output: 0.0016 }],
  ['gpt-4.1', { input: 0.002, output: 0.008 }],
  ['gpt-4o-mini', { input: 0.00015, output: 0.0006 }],
  ['gpt-4o', { input: 0.0025, output: 0.01 }],
  ['o4-mini', { input: 0.0011, output: 0.0044 }],
  ['o3-mini', { input: 0.0011, output: 0.0044 }],
  ['claude-3-haiku', { input: 0.00025, output: 0.00125 }],
  ['claude-3-5-haiku', { input: 0.0008, output: 0.004 }],
  ['claude-haiku-4-5', { input: 0.001, output: 0.005 }],
  ['claude-3-5-sonnet', { input: 0.003, output: 0.015 }],
  ['claude-3-7-sonnet', { input: 0.003, output: 0.015 }],
  ['claude-sonnet-4', { input: 0.003, output: 0.015 }],
  ['claude-opus-4', { input: 0.015, output: 0.075 }],
  ['nova-micro', { input: 0.000035, output: 0.00014 }],
  ['nova-lite', { input: 0.00006, output: 0.00024 }],
  ['nova-pro', { input: 0.0008, output: 0.0032 }],
];

/**
 * The price of a model: an exact override first (configured ids are matched as written),
 * then the list. Undefined for a model nobody priced (a self-hosted model, a new release).
 */
export function priceOf(
  modelId: string,
  overrides: Readonly<Record<string, ModelPrice>> = {},
): ModelPrice | undefined {
  const override = overrides[modelId];
  if (override) return override;
  const id = modelId.toLowerCase();
  return LIST_PRICES.find(([match]) => id.includes(match))?.[1];
}

/** What these tokens cost at this price, in USD. */
export function costOf(price: ModelPrice, inputTokens: number, outputTokens: number): number {
  return (inputTokens / 1000) * price.input + (outputTokens / 1000) * price.output;
}
