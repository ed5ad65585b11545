import { AgentRequest } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { decodeRequest, encodeRequest } from './message-codec-request.ts';

const valid = {
  version: 1,
  id: 'r-1',
  operation: { op: 'logs', namespace: 'shop', pod: 'cart-0', tailLines: 50 },
};

describe('decodeRequest', () => {
  describe('when the message is a valid request', () => {
    it('round-trips through encodeRequest with its correlation id and defaults applied', () => {
      const { body, attributes } = encodeRequest('corr-9', AgentRequest.parse(valid));
      expect(decodeRequest(body, attributes)).toEqual({
        ok: true,
        correlationId: 'corr-9',
        request: { ...valid, requestedBy: {} },
      });
    });

    it('falls back to the request id as correlation id when the attribute is missing', () => {
      expect(decodeRequest(JSON.stringify(valid), undefined)).toMatchObject({
        ok: true,
        correlationId: 'r-1',
      });
    });
  });

  describe('when the message is not a valid request', () => {
    it.each([
      { what: 'an empty body', body: undefined, attribute: undefined, expected: {} },
      { what: 'not JSON', body: 'not json', attribute: 'c-1', expected: { correlationId: 'c-1' } },
      {
        what: 'a write operation',
        body: JSON.stringify({ ...valid, operation: { op: 'delete', kind: 'pods', name: 'x' } }),
        attribute: undefined,
        expected: { correlationId: 'r-1', requestId: 'r-1', reason: expect.stringContaining('operation') },
      },
      {
        what: 'secrets, which are not a kind',
        body: JSON.stringify({ ...valid, operation: { op: 'get', kind: 'secrets', name: 'db' } }),
        attribute: 'c-2',
        expected: { correlationId: 'c-2', requestId: 'r-1' },
      },
      {
        what: 'an id too long to be real',
        body: JSON.stringify({ ...valid, id: 'x'.repeat(129) }),
        attribute: undefined,
        expected: {},
      },
    ])(
      'rejects $what, keeping the ids it can answer to and the payload to audit',
      ({ body, attribute, expected }) => {
        const attributes = attribute
          ? { OpsWorkerCorrelationId: { DataType: 'String', StringValue: attribute } }
          : undefined;
        const payload = body === undefined || body === 'not json' ? body : JSON.parse(body);
        expect(decodeRequest(body, attributes)).toEqual({
          ok: false,
          reason: expect.any(String),
          payload,
          ...expected,
        });
      },
    );
  });
});
