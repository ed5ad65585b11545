import { z } from 'zod';

/** One turn of the conversation about an investigation (desktop chat, Slack thread). */
export const ChatMessage = z.object({
  id: z.string(),
  orgId: z.string(),
  investigationId: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string().max(40_000),
  at: z.iso.datetime(),
  /** Who asked (a Slack user, a desktop user); absent for answers. */
  author: z.string().max(200).optional(),
  /** How the answer was made: the model, or the deterministic intent router and the intent it chose. */
  answeredBy: z.string().max(200).optional(),
  /** Evidence ids the answer relies on. */
  evidenceIds: z.array(z.string()).default([]),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** What a user sends: `POST /api/investigations/{id}/messages`. */
export const ChatQuestionInput = z.object({
  text: z.string().trim().min(1).max(4000),
  author: z.string().max(200).optional(),
});
export type ChatQuestionInput = z.infer<typeof ChatQuestionInput>;
