import type { MiddlewareHandler } from 'hono';
import type { TokenAuthenticator } from '../orgs/token-authenticator.ts';
import type { TokenKind } from '../orgs/tokens.ts';
import type { AppEnv } from './app-env.ts';
import { HttpError } from './http-error.ts';

export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Resolves the organization from a token: the `Authorization: Bearer` header, or, for webhook
 * senders that cannot set headers, the last path segment (`/webhooks/cloudwatch/<token>`).
 */
export function requireToken(authenticator: TokenAuthenticator, kind: TokenKind): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token =
      bearerToken(c.req.header('authorization')) ?? (kind === 'webhook' ? c.req.param('token') : undefined);
    const orgId = await authenticator.authenticate(token, kind);
    if (!orgId) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new HttpError(
        401,
        'unauthorized',
        token
          ? `The ${kind} token is not valid.`
          : `A ${kind} token is required: send "Authorization: Bearer <token>".`,
      );
    }
    c.set('orgId', orgId);
    await next();
  };
}
