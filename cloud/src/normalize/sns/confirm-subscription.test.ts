import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_AVAILABLE, corpusTitle, readCorpusHttp } from '../fixtures/read-fixture.ts';
import { confirmSnsSubscription } from './confirm-subscription.ts';
import { SnsConfirmationError } from './errors.ts';

const SUBSCRIBE_URL =
  'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:eu-west-1:123456789012:opsworker-alerts&Token=2336412f37';

/**
 * A stand-in for the SNS endpoint on 127.0.0.1. The fetch handed to the code under test sends
 * `https://sns.<region>.amazonaws.com/…` here, so the real request (method, query, redirect
 * handling) goes over a real socket.
 */
let server: Server;
let origin: string;
const received: Array<{ method: string; url: string }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push({ method: request.method ?? '', url: request.url ?? '' });
    const token = new URL(request.url ?? '/', 'http://x').searchParams.get('Token');
    if (token === 'expired') return void response.writeHead(403).end('<ErrorResponse/>');
    // Redirects to a URL that would succeed: only a refusal to follow makes the call fail.
    if (token === 'moved') return void response.writeHead(302, { location: `${origin}/?Token=ok` }).end();
    response.writeHead(200, { 'content-type': 'text/xml' }).end('<ConfirmSubscriptionResponse/>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const toLocalServer: typeof fetch = (input, init) =>
  fetch(String(input).replace(/^https:\/\/sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?/, origin), init);

describe('confirmSnsSubscription', () => {
  describe('when the SubscribeURL is an SNS ConfirmSubscription call', () => {
    it('GETs it', async () => {
      received.length = 0;
      await confirmSnsSubscription(SUBSCRIBE_URL, toLocalServer);
      expect(received).toEqual([
        { method: 'GET', url: SUBSCRIBE_URL.replace('https://sns.eu-west-1.amazonaws.com', '') },
      ]);
    });

    it.skipIf(!CORPUS_AVAILABLE)(
      corpusTitle('GETs the SubscribeURL of the SNS documentation’s example'),
      async () => {
        received.length = 0;
        const { body } = readCorpusHttp('cloudwatch_sns/sns_http_subscription_confirmation.http');
        const { SubscribeURL } = JSON.parse(body) as { SubscribeURL: string };
        await confirmSnsSubscription(SubscribeURL, toLocalServer);
        expect(received).toHaveLength(1);
      },
    );

    it('fails when SNS refuses the confirmation', async () => {
      const call = confirmSnsSubscription(SUBSCRIBE_URL.replace('2336412f37', 'expired'), toLocalServer);
      await expect(call).rejects.toBeInstanceOf(SnsConfirmationError);
      await expect(call).rejects.toThrow(/HTTP 403/);
    });

    it('does not follow a redirect', async () => {
      const call = confirmSnsSubscription(SUBSCRIBE_URL.replace('2336412f37', 'moved'), toLocalServer);
      await expect(call).rejects.toBeInstanceOf(SnsConfirmationError);
    });
  });

  describe('when the SubscribeURL is not one', () => {
    it.each([
      ['plain http', SUBSCRIBE_URL.replace('https:', 'http:')],
      ['another host', 'https://attacker.example.com/?Action=ConfirmSubscription&Token=x'],
      [
        'a look-alike host',
        'https://sns.eu-west-1.amazonaws.com.attacker.example.com/?Action=ConfirmSubscription',
      ],
      [
        'credentials before the host',
        'https://sns.eu-west-1.amazonaws.com@127.0.0.1/?Action=ConfirmSubscription',
      ],
      ['another SNS action', 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x'],
      ['not a URL', 'EXAMPLE'],
    ])('refuses %s without any request', async (_case, url) => {
      let requests = 0;
      const counting: typeof fetch = async (input, init) => {
        requests += 1;
        return toLocalServer(input, init);
      };
      await expect(confirmSnsSubscription(url, counting)).rejects.toBeInstanceOf(SnsConfirmationError);
      expect(requests).toBe(0);
    });
  });
});
