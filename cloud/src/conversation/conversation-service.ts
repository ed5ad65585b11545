import {
  type AgentTransport,
  type ChatMessage,
  ChatQuestionInput,
  type Investigation,
  type LlmUsage,
  NotFoundError,
  parseWith,
  type Requester,
} from '@opsworker/shared';
import type { Model } from '@strands-agents/sdk';
import type { LlmConfig } from '../engine/llm/llm-config.ts';
import { OperationRunner } from '../engine/llm/tools/operation-runner.ts';
import type { EventBus } from '../events/event-bus.ts';
import { makeId } from '../ids/make-id.ts';
import { timelineEvent } from '../investigations/timeline-event.ts';
import type { TimelineSequencer } from '../investigations/timeline-sequencer.ts';
import type { Store } from '../store/store.ts';
import type { Answer } from './answers/answer.ts';
import { classifyQuestion } from './intent/classify-intent.ts';
import { routeQuestion } from './intent/intent-router.ts';
import { capAnswer } from './markdown.ts';
import { knownNames } from './target/target-ref.ts';

export interface ConversationDeps {
  store: Store;
  bus: EventBus;
  sequencer: TimelineSequencer;
  /** The agent of the investigation's cluster; throws when none can be reached. */
  agentFor: (investigation: Investigation) => Promise<AgentTransport>;
  /** With a model, questions go to it first; without, to the deterministic intent router. */
  llm?: { config: LlmConfig; model: Model };
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
}

/** Both turns of one exchange, as stored. */
export interface Exchange {
  question: ChatMessage;
  answer: ChatMessage;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Follow-up questions about an investigation (desktop chat, Slack thread): answers them, stores
 * both turns, and adds a `message` event to the investigation's timeline.
 */
export class ConversationService {
  readonly #deps: ConversationDeps;

  constructor(deps: ConversationDeps) {
    this.#deps = deps;
  }

  async list(orgId: string, investigationId: string): Promise<ChatMessage[]> {
    await this.#investigation(orgId, investigationId);
    return this.#deps.store.listMessages(orgId, investigationId);
  }

  async ask(orgId: string, investigationId: string, input: unknown): Promise<Exchange> {
    // Existence first: another organization's investigation is a 404 whatever the body says.
    const investigation = await this.#investigation(orgId, investigationId);
    const { text, author } = parseWith(ChatQuestionInput, input, 'question');
    const now = this.#deps.now ?? (() => new Date());
    const askedAt = now();
    const requester: Requester = { orgId, investigationId, user: clip(author ?? 'chat', 200) };
    const answer = await this.#answer(investigation, text, requester);

    const question: ChatMessage = {
      id: makeId('msg', askedAt),
      orgId,
      investigationId,
      role: 'user',
      text,
      at: askedAt.toISOString(),
      ...(author ? { author } : {}),
      evidenceIds: [],
    };
    const answeredAt = now();
    const reply: ChatMessage = {
      id: makeId('msg', answeredAt),
      orgId,
      investigationId,
      role: 'assistant',
      text: capAnswer(answer.text),
      at: answeredAt.toISOString(),
      answeredBy: answer.answeredBy,
      evidenceIds: answer.evidenceIds,
    };
    await this.#deps.store.putMessages([question, reply]);
    await this.#recordOnTimeline(investigation, question, reply, answer);
    return { question, answer: reply };
  }

  async #answer(investigation: Investigation, text: string, requester: Requester): Promise<Answer> {
    const transport = await this.#deps.agentFor(investigation).catch((error: unknown) => {
      // No cluster is no reason not to answer: the report still answers most questions.
      this.#deps.log?.(`no agent for investigation ${investigation.id}`, error);
      return undefined;
    });
    let spent: LlmUsage | undefined;
    if (this.#deps.llm) {
      try {
        const { orgId, id } = investigation;
        const [history, timeline] = await Promise.all([
          this.#deps.store.listMessages(orgId, id),
          this.#deps.store.listTimeline(orgId, id),
        ]);
        const findings = timeline.filter((e) => e.type === 'finding').map((e) => e.message);
        // Loaded with the first question: the Strands SDK only matters when a model is configured.
        const { modelAnswer } = await import('./model-answer.ts');
        return await modelAnswer(this.#deps.llm, {
          investigation,
          findings,
          history,
          question: text,
          transport,
          requester,
        });
      } catch (error) {
        // The router still answers the common questions; the failure goes to the log, and what
        // the model spent before failing still counts.
        this.#deps.log?.(`model answer failed for investigation ${investigation.id}`, error);
        spent = (error as { usage?: LlmUsage }).usage;
      }
    }
    const question = classifyQuestion(text, knownNames(investigation));
    const runner = transport ? new OperationRunner({ transport, requester }) : undefined;
    const answer = await routeQuestion({
      investigation,
      text,
      question,
      runner,
      now: (this.#deps.now?.() ?? new Date()).getTime(),
    });
    return spent ? { ...answer, usage: spent } : answer;
  }

  async #recordOnTimeline(
    investigation: Investigation,
    question: ChatMessage,
    reply: ChatMessage,
    answer: Answer,
  ) {
    const { orgId, id } = investigation;
    const seq = await this.#deps.sequencer.next(orgId, id);
    const event = timelineEvent({
      orgId,
      investigationId: id,
      seq,
      at: new Date(reply.at),
      type: 'message',
      message: `${question.author ?? 'Someone'} asked "${clip(question.text, 120)}"`,
      data: {
        questionId: question.id,
        answerId: reply.id,
        answeredBy: reply.answeredBy,
        ...(answer.usage ? { llm: answer.usage } : {}),
      },
    });
    await this.#deps.store.apply({ timeline: [event] });
    this.#deps.bus.publish(orgId, { type: 'timeline', event });
  }

  async #investigation(orgId: string, id: string): Promise<Investigation> {
    const investigation = await this.#deps.store.getInvestigation(orgId, id);
    if (!investigation) throw new NotFoundError(`investigation ${id} not found`);
    return investigation;
  }
}
