import { z } from 'zod';
import { AlertSource, Severity } from './alert.ts';
import { Scope } from './scope.ts';

export const InvestigationStatus = z.enum(['queued', 'running', 'completed', 'failed']);
export type InvestigationStatus = z.infer<typeof InvestigationStatus>;

export const Confidence = z.enum(['low', 'medium', 'high']);
export type Confidence = z.infer<typeof Confidence>;

export const InvestigationTrigger = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('alert'),
    alertId: z.string(),
    fingerprint: z.string(),
    source: AlertSource,
    /** The rule that decided to investigate (its cooldown counts from here). */
    ruleId: z.string().optional(),
  }),
  z.object({ type: z.literal('manual'), requestedBy: z.string().max(200).optional() }),
]);
export type InvestigationTrigger = z.infer<typeof InvestigationTrigger>;

export const EvidenceRef = z.object({
  id: z.string(),
  title: z.string(),
  excerpt: z.string(),
});
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const NextStep = z.object({
  description: z.string(),
  /** A command for a human to run; OpsWorker never runs it. */
  command: z.string().optional(),
});
export type NextStep = z.infer<typeof NextStep>;

export const Report = z.object({
  summary: z.string(),
  rootCause: z.object({
    category: z.string(),
    statement: z.string(),
    resource: z.string().optional(),
  }),
  confidence: Confidence,
  evidence: z.array(EvidenceRef),
  nextSteps: z.array(NextStep),
  contributingFactors: z.array(z.string()).default([]),
  impact: z.string().optional(),
  links: z.array(z.object({ title: z.string(), url: z.string() })).default([]),
});
export type Report = z.infer<typeof Report>;

/** The stages of the optional LLM work: three per investigation, one per follow-up answer. */
export const LlmStage = z.enum(['triage', 'investigation', 'report', 'conversation']);
export type LlmStage = z.infer<typeof LlmStage>;

const tokens = z.number().int().nonnegative();

/** Tokens one stage used, as the model reported them, and what they cost at list price. */
export const LlmStageUsage = z.object({
  stage: LlmStage,
  model: z.string().max(200),
  inputTokens: tokens,
  outputTokens: tokens,
  /** Absent when the model's price is unknown (a self-hosted model without a configured price). */
  estimatedCostUsd: z.number().nonnegative().optional(),
});
export type LlmStageUsage = z.infer<typeof LlmStageUsage>;

/**
 * What the LLM stage of one investigation did and cost. `outcome`: `enriched` (the report is
 * the model's), `kept` (triage judged the deterministic report sufficient), `failed` (the
 * deterministic report stands; `failure` says why in words a user may read).
 */
export const LlmUsage = z.object({
  provider: z.string().max(50),
  outcome: z.enum(['enriched', 'kept', 'failed']),
  failure: z.string().max(500).optional(),
  stages: z.array(LlmStageUsage),
  inputTokens: tokens,
  outputTokens: tokens,
  totalTokens: tokens,
  toolCalls: tokens,
  /** Sum over the stages whose price is known; `costComplete` is false when one was not. */
  estimatedCostUsd: z.number().nonnegative(),
  costComplete: z.boolean(),
});
export type LlmUsage = z.infer<typeof LlmUsage>;

export const FeedbackRating = z.enum(['accurate', 'partially_accurate', 'needs_improvement']);
export type FeedbackRating = z.infer<typeof FeedbackRating>;

/** Where a piece of feedback or an acknowledgement came from. */
export const Surface = z.enum(['slack', 'desktop', 'api']);
export type Surface = z.infer<typeof Surface>;

/** An engineer's verdict on the report; the latest one counts. */
export const Feedback = z.object({
  rating: FeedbackRating,
  comment: z.string().max(2000).optional(),
  by: z.string().max(200).optional(),
  via: Surface,
  at: z.iso.datetime(),
});
export type Feedback = z.infer<typeof Feedback>;

/** What a user sends to rate an investigation's report. */
export const FeedbackInput = Feedback.omit({ at: true, via: true }).extend({ via: Surface.default('api') });
export type FeedbackInput = z.infer<typeof FeedbackInput>;

export const AcknowledgeInput = z.object({ by: z.string().max(200).optional() });
export const RerunInput = z.object({ requestedBy: z.string().max(200).optional() });

export const Investigation = z.object({
  id: z.string(),
  orgId: z.string(),
  status: InvestigationStatus,
  title: z.string(),
  severity: Severity,
  scope: Scope,
  trigger: InvestigationTrigger,
  question: z.string().max(2000).optional(),
  alertIds: z.array(z.string()),
  /** Alerts with the same group key attach to this investigation while it is open. */
  groupKey: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  startedAt: z.iso.datetime().optional(),
  completedAt: z.iso.datetime().optional(),
  /** Set when every alert grouped into this investigation has resolved. */
  resolvedAt: z.iso.datetime().optional(),
  report: Report.optional(),
  outcome: z.enum(['root_cause_found', 'no_problem_found', 'inconclusive', 'failed']).optional(),
  error: z.string().optional(),
  /** Ingest sequence that created it, when an alert did: makes replays after a crash idempotent. */
  receipt: z.number().int().nonnegative().optional(),
  /** The optional LLM stage's tokens, estimated cost and outcome (absent when no model is configured). */
  llm: LlmUsage.optional(),
  feedback: Feedback.optional(),
  /** Someone on call has taken it. */
  acknowledgedAt: z.iso.datetime().optional(),
  acknowledgedBy: z.string().max(200).optional(),
  /** The investigation this one re-runs (same scope and question). */
  rerunOf: z.string().optional(),
});
export type Investigation = z.infer<typeof Investigation>;

/** What a user sends to start an investigation by hand. */
export const ManualInvestigationInput = z.object({
  scope: Scope.refine((s) => Boolean(s.kind && s.name), {
    message: 'needs at least kind and name',
  }),
  question: z.string().min(1).max(2000).optional(),
  title: z.string().min(1).max(500).optional(),
  severity: Severity.default('warning'),
  requestedBy: z.string().max(200).optional(),
});
export type ManualInvestigationInput = z.infer<typeof ManualInvestigationInput>;

export const TimelineEventType = z.enum([
  'created',
  'alert_attached',
  'started',
  'step',
  'evidence',
  'finding',
  'report',
  'completed',
  'failed',
  'resolved',
  'message',
  'feedback',
]);
export type TimelineEventType = z.infer<typeof TimelineEventType>;

/** One step of an investigation; `seq` orders events within it and is the SSE event id. */
export const TimelineEvent = z.object({
  id: z.string(),
  orgId: z.string(),
  investigationId: z.string(),
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  type: TimelineEventType,
  message: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;
