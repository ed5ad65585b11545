import { describe, expect, it } from 'vitest';
import { agentErrorCode } from '../errors.ts';
import { errorForStatus } from './status-error.ts';

const status = (code: number, message: string) =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason: 'x', code });

describe('errorForStatus', () => {
  describe('when the API server refuses a read', () => {
    it.each([
      [404, status(404, 'pods "web" not found'), 'not_found', 'pods "web" in namespace "shop" not found'],
      [
        403,
        status(403, 'pods is forbidden: User "x" cannot list resource "pods"'),
        'forbidden',
        'the agent is not allowed to read',
      ],
      [401, status(401, 'Unauthorized'), 'forbidden', "rejected the agent's credentials"],
      [
        400,
        status(400, 'previous terminated container "web" in pod "x" not found'),
        'not_found',
        'previous terminated container',
      ],
      [
        400,
        status(400, 'unable to parse requirement: invalid label key'),
        'invalid_request',
        'unable to parse requirement',
      ],
      [410, status(410, 'The provided continue parameter is too old'), 'invalid_request', 'too old'],
      [503, 'service unavailable', 'unavailable', 'HTTP 503'],
      [500, status(500, 'etcdserver: request timed out'), 'unavailable', 'could not answer'],
    ])('%i becomes %s', (code, body, expected, shown) => {
      const error = errorForStatus(code, body, 'pods "web" in namespace "shop"');
      expect(agentErrorCode(error)).toBe(expected);
      expect((error as unknown as { userMessage: string }).userMessage).toContain(shown);
    });
  });
});
