import { ALERT_SOURCES, type AlertSource } from '@opsworker/shared';
import type { Random } from '../support/seeded-random.ts';
import { MALFORMED_SEGMENTS, malformedPathToken, pickAuth } from './fuzz-auth.ts';
import { type FuzzBody, pickBody, pickContentType } from './fuzz-body.ts';
import { mutateJson } from './mutate-json.ts';
import { oddGet, oddId } from './odd-api-get.ts';
import type { SeedPayload } from './seed-payloads.ts';

/** One request the fuzzer sends, and the status its flaws must produce (when they decide it). */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: FuzzBody | undefined;
  /** The webhook source the path names, when it names a real one. */
  source: AlertSource | undefined;
  /** Statuses allowed because of a flaw checked before the body is read (source, token, type, size). */
  expectedStatus: number[] | undefined;
  /** What was done to it, for the failure message. */
  recipe: string[];
}

export interface FuzzSeeds {
  webhooks: readonly SeedPayload[];
  rules: readonly unknown[];
  investigations: readonly unknown[];
}

export interface Tokens {
  webhook: string;
  api: string;
}

// No dot segments: the client's URL parser would resolve them before the server sees them.
const UNKNOWN_SOURCES = [
  'pagerduty',
  'ALERTMANAGER',
  'opsgenie',
  'alertmanager%00',
  '%F0%9F%92%A5',
  'x'.repeat(300),
];

/** Builds request number `index` of a run from its own seeded randomness. */
export function fuzzRequest(random: Random, seeds: FuzzSeeds, tokens: Tokens): FuzzRequest {
  const roll = random.next();
  if (roll < 0.7) return webhookRequest(random, seeds.webhooks, tokens);
  if (roll < 0.8) return jsonApiRequest(random, 'POST', '/api/rules', random.pick(seeds.rules), tokens);
  if (roll < 0.87)
    return jsonApiRequest(random, 'POST', '/api/investigations', random.pick(seeds.investigations), tokens);
  if (roll < 0.89) {
    const path = `/api/rules/${encodeURIComponent(oddId(random))}`;
    return jsonApiRequest(random, 'PUT', path, random.pick(seeds.rules), tokens);
  }
  return oddGet(random, tokens);
}

function webhookRequest(random: Random, seeds: readonly SeedPayload[], tokens: Tokens): FuzzRequest {
  const seed = random.pick(seeds);
  const recipe = [`seed: ${seed.name}`];
  const expected: number[] = [];

  let segment: string = seed.source;
  let source: AlertSource | undefined = seed.source;
  if (random.chance(0.05)) {
    source = random.pick(ALERT_SOURCES);
    segment = source;
    recipe.push(`sent to the ${source} endpoint`);
  } else if (random.chance(0.03)) {
    // Rare on purpose: while the server mishandles them, each costs a request timeout.
    segment = random.chance(0.1) ? random.pick(MALFORMED_SEGMENTS) : random.pick(UNKNOWN_SOURCES);
    source = undefined;
    recipe.push(`unknown source "${segment.slice(0, 40)}"`);
    expected.push(400, 404);
  }

  const auth = random.chance(0.003)
    ? malformedPathToken(random)
    : pickAuth(random, tokens.webhook, tokens.api);
  recipe.push(...auth.recipe);
  if (!auth.valid && expected.length === 0) expected.push(401);
  const token = auth.pathToken;
  const tokenSegment =
    token === undefined ? '' : `/${MALFORMED_SEGMENTS.includes(token) ? token : encodeURIComponent(token)}`;
  const path = `/webhooks/${segment}${tokenSegment}`;

  const method = random.chance(0.02) ? random.pick(['GET', 'PUT', 'DELETE', 'PATCH']) : 'POST';
  if (method !== 'POST') {
    recipe.push(`method ${method}`);
    expected.splice(0, expected.length, 404, 405);
  }

  const headers: Record<string, string> = { ...auth.headers };
  const contentType = pickContentType(random);
  if (contentType.header !== undefined) headers['content-type'] = contentType.header;
  recipe.push(`content-type: ${contentType.header ?? '(none)'}`);
  if (contentType.refused && expected.length === 0) expected.push(415);

  const { value, mutations } = mutateJson(random, seed.body);
  recipe.push(`${mutations} mutation(s)`);
  const body = pickBody(random, value, recipe);
  if (body.oversized && expected.length === 0) expected.push(413);
  if (body.broken && expected.length === 0) expected.push(400);
  return {
    method,
    path,
    headers,
    body: method === 'GET' ? undefined : body.body,
    source: method === 'POST' ? source : undefined,
    expectedStatus: expected.length > 0 ? expected : undefined,
    recipe,
  };
}

function jsonApiRequest(
  random: Random,
  method: string,
  path: string,
  seed: unknown,
  tokens: Tokens,
): FuzzRequest {
  const recipe = [`${method} ${path}`];
  const auth = pickAuth(random, tokens.api, tokens.webhook, false);
  recipe.push(...auth.recipe);
  const { value, mutations } = mutateJson(random, seed);
  recipe.push(`${mutations} mutation(s)`);
  const body = pickBody(random, value, recipe);
  return {
    method,
    path,
    headers: { 'content-type': 'application/json', ...auth.headers },
    body: body.body,
    source: undefined,
    expectedStatus: auth.valid ? (body.oversized ? [413] : body.broken ? [400] : undefined) : [401],
    recipe,
  };
}
