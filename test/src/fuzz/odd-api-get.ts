import type { Random } from '../support/seeded-random.ts';
import { pickAuth } from './fuzz-auth.ts';
import type { FuzzRequest, Tokens } from './fuzz-request.ts';

const QUERY_PARTS = [
  'limit=-1',
  'limit=0',
  'limit=501',
  'limit=abc',
  'limit=1e2',
  'limit=',
  'limit=%',
  'limit=%zz',
  'limit=2&limit=3',
  'limit[]=1',
  'cursor=garbage',
  'cursor=',
  'cursor=%E0%A4%A',
  `cursor=${'A'.repeat(600)}`,
  'cursor=YWxlcnRfMDAx',
  'status=firing',
  'status=on-fire',
  'source=datadog',
  'source=../../etc',
  'severity=sev0',
  'q=%F0%9F%92%A5',
  `q=${'q'.repeat(300)}`,
  'namespace=%00',
  'cluster=',
  'lastEventId=-5',
  '=',
  '&&&',
  '%',
];

/** A GET (or DELETE) of an API path with odd ids and odd query strings. */
export function oddGet(random: Random, tokens: Tokens): FuzzRequest {
  const base = random.pick([
    '/api/alerts',
    '/api/investigations',
    '/api/rules',
    `/api/alerts/${encodeURIComponent(oddId(random))}`,
    `/api/investigations/${encodeURIComponent(oddId(random))}`,
    `/api/investigations/${encodeURIComponent(oddId(random))}/timeline`,
    `/api/investigations/${encodeURIComponent(oddId(random))}/events`,
    `/api/rules/${encodeURIComponent(oddId(random))}`,
    '/api/nothing-here',
    '/healthz',
  ]);
  const query = Array.from({ length: random.between(0, 3) }, () => random.pick(QUERY_PARTS)).join('&');
  const path = query ? `${base}?${query}` : base;
  const auth = pickAuth(random, tokens.api, tokens.webhook, false);
  const method = random.chance(0.1) ? 'DELETE' : 'GET';
  return {
    method,
    path,
    headers: auth.headers,
    body: undefined,
    source: undefined,
    expectedStatus: auth.valid || base === '/healthz' || base === '/api/nothing-here' ? undefined : [401],
    recipe: [`${method} ${path.slice(0, 200)}`, ...auth.recipe],
  };
}

/** Ids no record has: empty-ish, huge, unicode, a NUL, a lone percent sign. */
export function oddId(random: Random): string {
  return random.pick([
    'inv_0000000000000000000000',
    'x',
    '.x',
    '%',
    '🙂',
    'a'.repeat(2000),
    'alert_\u0000',
    ' ',
  ]);
}
