import {
  type BaseModelConfig,
  type Message,
  Model,
  type ModelStreamEvent,
  type StreamOptions,
} from '@strands-agents/sdk';

/** Tokens a scripted turn reports, as a provider's usage metadata would. */
export interface ScriptedUsage {
  inputTokens: number;
  outputTokens: number;
}

/** One model reply: text, tool calls, a structured answer, a failure, or a reply that never comes. */
export type ScriptedTurn =
  | { text: string; usage?: ScriptedUsage }
  | { tools: { name: string; input: Record<string, unknown> }[]; usage?: ScriptedUsage }
  | { structured: Record<string, unknown>; usage?: ScriptedUsage }
  | { error: Error }
  | { hang: true };

/** What the model was sent on one call, serialized: tests check what reached it (and what did not). */
export interface ScriptedRequest {
  systemPrompt: string;
  toolNames: string[];
  /** Every message as JSON text. */
  messages: string;
  /** The tool results in the last message, as text. */
  toolResults: string[];
}

const DEFAULT_USAGE: ScriptedUsage = { inputTokens: 500, outputTokens: 50 };

/**
 * A Strands Model that replays a script, one turn per call, through the real streaming event
 * protocol: the real agent loop parses the events, runs the tools, validates structured output
 * and counts tokens. Runs out of script = a test bug, reported as a model error.
 */
export class ScriptedModel extends Model<BaseModelConfig> {
  readonly requests: ScriptedRequest[] = [];
  readonly #script: ScriptedTurn[];
  #config: BaseModelConfig;

  constructor(script: ScriptedTurn[], config: BaseModelConfig = { modelId: 'scripted-model' }) {
    super();
    this.#script = [...script];
    this.#config = config;
  }

  updateConfig(config: BaseModelConfig): void {
    this.#config = { ...this.#config, ...config };
  }

  getConfig(): BaseModelConfig {
    return this.#config;
  }

  /** Turns not yet played. */
  get remaining(): number {
    return this.#script.length;
  }

  async *stream(messages: Message[], options?: StreamOptions): AsyncIterable<ModelStreamEvent> {
    this.requests.push(record(messages, options));
    const turn = this.#script.shift();
    if (!turn) throw new Error('the scripted model has no turn left');
    if ('error' in turn) throw turn.error;
    if ('hang' in turn) {
      await new Promise<never>((_, reject) => {
        const signal = options?.cancelSignal;
        if (signal?.aborted) reject(new Error('aborted'));
        signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
      });
      return;
    }
    yield { type: 'modelMessageStartEvent', role: 'assistant' };
    const calls =
      'tools' in turn
        ? turn.tools
        : 'structured' in turn
          ? [{ name: 'strands_structured_output', input: turn.structured }]
          : [];
    for (const [i, call] of calls.entries()) {
      yield {
        type: 'modelContentBlockStartEvent',
        start: { type: 'toolUseStart', name: call.name, toolUseId: `call-${this.requests.length}-${i}` },
      };
      yield {
        type: 'modelContentBlockDeltaEvent',
        delta: { type: 'toolUseInputDelta', input: JSON.stringify(call.input) },
      };
      yield { type: 'modelContentBlockStopEvent' };
    }
    if ('text' in turn) {
      yield { type: 'modelContentBlockStartEvent' };
      yield { type: 'modelContentBlockDeltaEvent', delta: { type: 'textDelta', text: turn.text } };
      yield { type: 'modelContentBlockStopEvent' };
    }
    yield { type: 'modelMessageStopEvent', stopReason: calls.length ? 'toolUse' : 'endTurn' };
    const usage = turn.usage ?? DEFAULT_USAGE;
    yield {
      type: 'modelMetadataEvent',
      usage: { ...usage, totalTokens: usage.inputTokens + usage.outputTokens },
    };
  }
}

function record(messages: Message[], options: StreamOptions | undefined): ScriptedRequest {
  const last = messages.at(-1);
  const toolResults = (last?.content ?? [])
    .filter((block) => block.type === 'toolResultBlock')
    .map((block) => JSON.stringify(block));
  return {
    systemPrompt: JSON.stringify(options?.systemPrompt ?? ''),
    toolNames: (options?.toolSpecs ?? []).map((spec) => spec.name),
    messages: JSON.stringify(messages),
    toolResults,
  };
}
