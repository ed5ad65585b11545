import { z } from 'zod';

/** Investigation ids are `inv_` + base32; accept any short id-like string, nothing that could be a path. */
export const InvestigationIdInput = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'not an investigation id');

// Alert titles run to 500 characters and the renderer prefixes them; the OS shortens what it shows.
export const NotificationInput = z.strictObject({
  title: z.string().trim().min(1).max(600),
  body: z.string().max(2000),
  investigationId: InvestigationIdInput.optional(),
});

/** Only web links leave the app; file:, javascript:, custom schemes and the like never reach the OS. */
export const ExternalUrlInput = z
  .string()
  .max(4096)
  .refine((value) => isHttpUrl(value), 'only http(s) links can be opened');

export const ConnectionInput = z.strictObject({
  serverUrl: z
    .string()
    .trim()
    .max(2048)
    .refine((value) => isHttpUrl(value), 'the server URL must start with http:// or https://'),
  token: z.string().trim().min(16, 'the API token is at least 16 characters').max(1024),
});
export type ConnectionInput = z.infer<typeof ConnectionInput>;

export const OpenCountInput = z.number().int().min(0).max(1_000_000);

export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}
