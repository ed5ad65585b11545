import type { Random } from '../support/seeded-random.ts';

/** How a request authenticates, and whether the server must take it. */
export interface Auth {
  headers: Record<string, string>;
  pathToken: string | undefined;
  valid: boolean;
  recipe: string[];
}

/** Malformed percent-encodings (decodeURIComponent throws on them), as a source or a path token. */
export const MALFORMED_SEGMENTS = ['%E0%A4%A', '%zz'];

/** Mostly the right token; otherwise none, a wrong one, the other kind's, or one in the path. */
export function pickAuth(random: Random, token: string, otherKindToken: string, pathAllowed = true): Auth {
  if (random.chance(0.88))
    return { headers: { authorization: `Bearer ${token}` }, pathToken: undefined, valid: true, recipe: [] };
  const options: Auth[] = [
    { headers: {}, pathToken: undefined, valid: false, recipe: ['no token'] },
    {
      headers: { authorization: 'Bearer owh_not-the-right-token-000000' },
      pathToken: undefined,
      valid: false,
      recipe: ['wrong token'],
    },
    {
      headers: { authorization: `Bearer ${otherKindToken}` },
      pathToken: undefined,
      valid: false,
      recipe: ['token of the other kind'],
    },
    {
      headers: { authorization: `Basic ${Buffer.from(`u:${token}`).toString('base64')}` },
      pathToken: undefined,
      valid: false,
      recipe: ['basic auth'],
    },
    { headers: { authorization: 'Bearer' }, pathToken: undefined, valid: false, recipe: ['empty bearer'] },
    {
      headers: { authorization: `bearer   ${token}  ` },
      pathToken: undefined,
      valid: true,
      recipe: ['lower-case bearer with spaces'],
    },
  ];
  if (pathAllowed) {
    options.push(
      { headers: {}, pathToken: token, valid: true, recipe: ['token in the path'] },
      {
        headers: {},
        pathToken: 'owh_wrong-path-token-00000000000',
        valid: false,
        recipe: ['wrong token in the path'],
      },
    );
  }
  return random.pick(options);
}

/** A path token the server cannot even decode. */
export function malformedPathToken(random: Random): Auth {
  return {
    headers: {},
    pathToken: random.pick(MALFORMED_SEGMENTS),
    valid: false,
    recipe: ['malformed token in the path'],
  };
}
