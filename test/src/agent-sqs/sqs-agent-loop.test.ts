import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, sendRaw, startAgent } from './agent-harness.ts';
import { getPodRequest, memoryAgent } from './memory-agent.ts';
import { clusterInfoRequest, scriptedExecutor } from './scripted-executor.ts';
import { type SqsFixture, startSqsFixture } from './sqs-fixture.ts';

describe('runSqsAgent', () => {
  let fixture: SqsFixture;
  beforeAll(async () => {
    fixture = await startSqsFixture();
  });
  afterAll(async () => {
    await fixture.close();
  });

  describe('when a request arrives', () => {
    it('answers on the response queue with the request correlation id, then deletes the request', async () => {
      const { executor } = memoryAgent();
      const agent = await startAgent(fixture, { executor });
      try {
        await sendRaw(fixture, agent.requestQueueUrl, getPodRequest('req-1'), 'corr-1');
        const { responses } = await collect(fixture, agent.responseQueueUrl, (c) => c.responses.length >= 1);
        expect(responses).toEqual([
          {
            correlationId: 'corr-1',
            attributeCorrelationId: 'corr-1',
            response: expect.objectContaining({
              requestId: 'req-1',
              ok: true,
              result: expect.objectContaining({
                kind: 'Pod',
                metadata: expect.objectContaining({ name: 'web-0' }),
              }),
            }),
          },
        ]);
        expect(await fixture.depth(agent.requestQueueUrl)).toEqual({ visible: 0, inFlight: 0 });
      } finally {
        await agent.stop();
      }
    });
  });

  describe('when the same request id arrives more than once', () => {
    it('reads the cluster once and answers every message', async () => {
      const { executor, reader } = memoryAgent({ delayMs: 300 });
      const agent = await startAgent(fixture, { executor, concurrency: 2 });
      try {
        // Two copies at once (a caller's retry), then a late one (an SQS redelivery).
        await sendRaw(fixture, agent.requestQueueUrl, getPodRequest('dup'), 'first');
        await sendRaw(fixture, agent.requestQueueUrl, getPodRequest('dup'), 'second');
        const early = await collect(fixture, agent.responseQueueUrl, (c) => c.responses.length >= 2);
        await sendRaw(fixture, agent.requestQueueUrl, getPodRequest('dup'), 'third');
        const late = await collect(fixture, agent.responseQueueUrl, (c) => c.responses.length >= 1);
        const answers = [...early.responses, ...late.responses];
        expect(answers.map((r) => r.correlationId).sort()).toEqual(['first', 'second', 'third']);
        expect(answers.map((r) => r.response.ok)).toEqual([true, true, true]);
        expect(reader.calls.filter((call) => call === 'get pods shop/web-0')).toHaveLength(1);
        expect(await fixture.depth(agent.requestQueueUrl)).toEqual({ visible: 0, inFlight: 0 });
      } finally {
        await agent.stop();
      }
    });
  });

  describe('when an answer is large', () => {
    it.each([
      { what: 'compressible (a long log)', blob: 'GET /healthz 200\n'.repeat(60_000), messages: 1 },
      { what: 'incompressible', blob: randomBytes(450_000).toString('base64'), messages: 3 },
    ])('sends it $what within the SQS limit and it reassembles intact', async ({ blob, messages }) => {
      const agent = await startAgent(fixture, { executor: scriptedExecutor({ result: () => ({ blob }) }) });
      try {
        await sendRaw(fixture, agent.requestQueueUrl, clusterInfoRequest('large'), 'large');
        const collected = await collect(fixture, agent.responseQueueUrl, (c) => c.responses.length >= 1);
        expect(collected.responseMessages).toBe(messages);
        expect(collected.responses[0]?.response).toMatchObject({ ok: true, result: { blob } });
      } finally {
        await agent.stop();
      }
    });
  });

  describe('when the answer cannot be sent', () => {
    it('leaves the request to be redelivered and answers the redelivery without reading the cluster again', async () => {
      const { executor, reader } = memoryAgent();
      const warnings: string[] = [];
      const requestQueueUrl = await fixture.createQueue();
      const agent = await startAgent(fixture, {
        executor,
        requestQueueUrl,
        responseQueueUrl: requestQueueUrl.replace(/[^/]+$/, 'no-such-queue'),
        visibilityTimeoutSeconds: 1,
        log: { info() {}, warn: (message) => warnings.push(message) },
      });
      try {
        await sendRaw(fixture, requestQueueUrl, getPodRequest('undeliverable'), 'undeliverable');
        const failedAnswers = () => warnings.filter((w) => w.startsWith('could not answer')).length;
        await expect.poll(failedAnswers, { timeout: 6_000 }).toBeGreaterThanOrEqual(2);
        expect(reader.calls).toEqual(['get pods shop/web-0']);
        const { visible, inFlight } = await fixture.depth(requestQueueUrl);
        expect(visible + inFlight).toBe(1);
      } finally {
        await agent.stop();
      }
    });
  });

  describe('when a message is not a valid request', () => {
    it.each([
      { what: 'not JSON', body: '{oops', answeredTo: undefined },
      { what: 'JSON without an id', body: { version: 1 }, answeredTo: undefined },
      {
        what: 'an operation outside the closed list',
        body: { version: 1, id: 'bad-op', operation: { op: 'exec', command: 'rm -rf /' } },
        answeredTo: 'bad-op',
      },
      {
        what: 'another protocol version',
        body: { version: 99, id: 'future', operation: { op: 'clusterInfo' } },
        answeredTo: 'future',
      },
    ])(
      '$what: answered invalid_request when an id can be recovered, audited and deleted either way',
      async ({ body, answeredTo }) => {
        const { executor, audit } = memoryAgent();
        const agent = await startAgent(fixture, { executor });
        try {
          await sendRaw(fixture, agent.requestQueueUrl, body);
          // A valid request after the bad one proves the loop went on working.
          await sendRaw(fixture, agent.requestQueueUrl, getPodRequest('after'), 'after');
          const { responses } = await collect(fixture, agent.responseQueueUrl, (c) =>
            c.responses.some((r) => r.correlationId === 'after'),
          );
          const invalid = responses.filter((r) => r.correlationId !== 'after');
          expect(invalid).toEqual(
            answeredTo === undefined
              ? []
              : [
                  {
                    correlationId: answeredTo,
                    attributeCorrelationId: answeredTo,
                    response: expect.objectContaining({
                      requestId: answeredTo,
                      ok: false,
                      error: expect.objectContaining({ code: 'invalid_request' }),
                    }),
                  },
                ],
          );
          expect(audit.entries.map((e) => [e.op, e.outcome])).toEqual([
            ['invalid', 'invalid_request'],
            ['get', 'ok'],
          ]);
          expect(await fixture.depth(agent.requestQueueUrl)).toEqual({ visible: 0, inFlight: 0 });
        } finally {
          await agent.stop();
        }
      },
    );
  });

  describe('when an operation outlasts the visibility timeout', () => {
    it('keeps the request invisible until it is answered, so it runs once', async () => {
      const executor = scriptedExecutor({ delayMs: 3_500 });
      const agent = await startAgent(fixture, { executor, visibilityTimeoutSeconds: 1 });
      try {
        await sendRaw(fixture, agent.requestQueueUrl, clusterInfoRequest('slow'), 'slow');
        await expect.poll(() => executor.running, { timeout: 5_000 }).toBe(1);
        // Another consumer polling all along must never be handed the message.
        const stolen = [];
        const until = Date.now() + 3_000;
        while (Date.now() < until)
          stolen.push(...(await fixture.receive(agent.requestQueueUrl, { waitSeconds: 1 })));
        expect(stolen).toEqual([]);
        const { responses } = await collect(fixture, agent.responseQueueUrl, (c) => c.responses.length >= 1);
        expect(responses.map((r) => r.response.requestId)).toEqual(['slow']);
        expect(executor.executed).toHaveLength(1);
      } finally {
        await agent.stop();
      }
    });
  });

  describe('when it is stopped', () => {
    it('answers what is running, hands back what it had not started, and resolves', async () => {
      const executor = scriptedExecutor({ delayMs: 1_000 });
      // Queued before the agent starts, so its first poll takes all three and starts only one.
      const requestQueueUrl = await fixture.createQueue();
      for (const id of ['a', 'b', 'c']) await sendRaw(fixture, requestQueueUrl, clusterInfoRequest(id), id);
      const agent = await startAgent(fixture, { executor, concurrency: 1, requestQueueUrl });
      await expect.poll(() => executor.running, { timeout: 5_000 }).toBe(1);
      expect(await fixture.depth(requestQueueUrl)).toEqual({ visible: 0, inFlight: 3 });
      await agent.stop();

      const { responses } = await collect(fixture, agent.responseQueueUrl, (c) => c.responses.length >= 1);
      const started = executor.executed.map((r) => r.id);
      expect(responses.map((r) => r.correlationId)).toEqual(started);
      // Every request is either answered or immediately available to the next agent: none is lost.
      const handedBack = await fixture.receive(agent.requestQueueUrl);
      const handedBackIds = handedBack.map((m) => JSON.parse(m.Body ?? '{}').id);
      expect([...started, ...handedBackIds].sort()).toEqual(['a', 'b', 'c']);
    });
  });
});
