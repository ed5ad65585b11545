import { z } from 'zod';

export const Organization = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  name: z.string().min(1).max(200),
  createdAt: z.iso.datetime(),
  /** SHA-256 of the tokens, hex. Tokens are random and long, so a fast hash is enough. */
  webhookTokenHash: z.string(),
  apiTokenHash: z.string(),
});
export type Organization = z.infer<typeof Organization>;
