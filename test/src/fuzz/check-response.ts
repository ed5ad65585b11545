import { z } from 'zod';
import type { FuzzRequest } from './fuzz-request.ts';
import type { FuzzResponse } from './send-request.ts';

/** The error body every 4xx must carry. */
const ErrorBody = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string().min(1),
    field: z.string().min(1).optional(),
  }),
});

/** A webhook that was taken: a receipt for the alerts, or a reason it was ignored. */
export const Accepted = z.union([
  z.object({ receipt: z.number().int().positive(), accepted: z.number().int().nonnegative() }),
  z.object({ accepted: z.literal(0), ignored: z.string().min(1) }),
]);

const SnsHandshake = z.object({
  subscription: z.enum(['confirmed', 'unsubscribed']),
  topicArn: z.string(),
});

/** What is wrong with how the server answered one fuzz request (nothing, ideally). */
export function responseProblems(request: FuzzRequest, response: FuzzResponse): string[] {
  const { status } = response;
  if (status >= 500) return [`answered ${status}: ${response.text.slice(0, 300)}`];
  const problems: string[] = [];
  if (request.expectedStatus && !request.expectedStatus.includes(status)) {
    problems.push(`answered ${status}, expected one of ${request.expectedStatus.join(', ')}`);
  }
  if (status >= 400) {
    problems.push(...errorBodyProblems(request, response));
  } else if (request.source && status === 202) {
    if (!Accepted.safeParse(parse(response.text)).success)
      problems.push(`202 body is not a receipt: ${response.text}`);
  } else if (request.source && status === 200) {
    if (!SnsHandshake.safeParse(parse(response.text)).success)
      problems.push(`200 on a webhook that is not an SNS handshake: ${response.text.slice(0, 300)}`);
  }
  return problems;
}

function errorBodyProblems(request: FuzzRequest, response: FuzzResponse): string[] {
  if (!response.contentType.startsWith('application/json'))
    return [`${response.status} with content-type "${response.contentType}"`];
  const parsed = ErrorBody.safeParse(parse(response.text));
  if (!parsed.success)
    return [`${response.status} body is not {error:{code,message}}: ${response.text.slice(0, 300)}`];
  const { code, message, field } = parsed.data.error;
  if (response.status !== 400 || code !== 'invalid_request') return [];
  // A schema problem inside an object always has a path: the user must be told which field.
  if (field === undefined && isPlainObject(bodyJson(request)))
    return [`400 for a schema problem does not name the field: ${message}`];
  if (field !== undefined && !message.includes(field))
    return [`400 names field "${field}" but its message does not`];
  return [];
}

/** The JSON the request body held, when it held JSON text. */
export function bodyJson(request: FuzzRequest): unknown {
  return typeof request.body === 'string' ? parse(request.body) : undefined;
}

/** As the server reads bodies: a leading byte-order mark is dropped. */
function parse(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
