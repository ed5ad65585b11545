import { beforeAll, describe, expect, it } from 'vitest';
import { createSnsSigningKey, type SnsSigningKey, signSnsMessage } from '../fixtures/sns-signer.ts';
import { SnsMessage } from './envelope.ts';
import { SnsSignatureError } from './errors.ts';
import { verifySnsSignature } from './verify-signature.ts';

const CERT_URL =
  'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-6209c161c6221fdf56ec1eb5c821d112.pem';

const notification = {
  Type: 'Notification',
  MessageId: '6a1f3c9e-2b7d-5e84-a0c1-d9f2b3e4a5c6',
  TopicArn: 'arn:aws:sns:eu-west-1:123456789012:opsworker-alerts',
  Subject: 'ALARM: "shop-api-pod-cpu-critical" in EU (Ireland)',
  Message: '{"AlarmName":"shop-api-pod-cpu-critical","NewStateValue":"ALARM"}',
  Timestamp: '2026-03-03T09:56:12.455Z',
  SigningCertURL: CERT_URL,
};

const confirmation = {
  Type: 'SubscriptionConfirmation',
  MessageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
  Token: '2336412f37',
  TopicArn: 'arn:aws:sns:eu-west-1:123456789012:opsworker-alerts',
  Message: 'You have chosen to subscribe to the topic.',
  SubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f37',
  Timestamp: '2026-03-03T09:50:00.000Z',
  SigningCertURL: CERT_URL,
};

/** A certificate fetcher that serves one PEM and counts what it was asked for. */
function certificateServer(pem: string) {
  const requested: string[] = [];
  const fetchCertificate = async (url: string) => {
    requested.push(url);
    return pem;
  };
  return { fetchCertificate, requested };
}

describe('verifySnsSignature', () => {
  let key: SnsSigningKey;
  beforeAll(async () => {
    key = await createSnsSigningKey();
  });

  describe('when SNS signed the message', () => {
    it.each([
      ['a notification, SignatureVersion 1 (SHA1withRSA)', notification, '1'],
      ['a notification, SignatureVersion 2 (SHA256withRSA)', notification, '2'],
      ['a notification without a subject', { ...notification, Subject: undefined }, '2'],
      ['a subscription confirmation', confirmation, '1'],
      ['an unsubscribe confirmation', { ...confirmation, Type: 'UnsubscribeConfirmation' }, '2'],
    ] as const)('accepts %s', async (_case, message, version) => {
      const { fetchCertificate, requested } = certificateServer(key.certificatePem);
      const signed = SnsMessage.parse(signSnsMessage(message, key, version));
      await expect(verifySnsSignature(signed, fetchCertificate, new Date())).resolves.toBeUndefined();
      expect(requested).toEqual([CERT_URL]);
    });
  });

  describe('when the message was changed after signing', () => {
    it.each([
      ['Message', { Message: '{"AlarmName":"shop-api-pod-cpu-critical","NewStateValue":"OK"}' }],
      ['Subject', { Subject: 'OK' }],
      ['TopicArn', { TopicArn: 'arn:aws:sns:eu-west-1:999999999999:attacker' }],
      ['SignatureVersion (a v1 signature presented as v2)', { SignatureVersion: '2' }],
    ])('refuses a tampered %s', async (_field, change) => {
      const { fetchCertificate } = certificateServer(key.certificatePem);
      const tampered = SnsMessage.parse({ ...signSnsMessage(notification, key, '1'), ...change });
      await expect(verifySnsSignature(tampered, fetchCertificate, new Date())).rejects.toBeInstanceOf(
        SnsSignatureError,
      );
    });
  });

  describe('when the signing certificate URL is not an SNS endpoint over https', () => {
    it.each([
      'http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem',
      'https://attacker.example.com/SimpleNotificationService-1.pem',
      'https://sns.eu-west-1.amazonaws.com.attacker.example.com/SimpleNotificationService-1.pem',
      'https://sns.eu-west-1.amazonaws.com@attacker.example.com/SimpleNotificationService-1.pem',
      'https://sns.eu-west-1.amazonaws.com:8443/SimpleNotificationService-1.pem',
      'https://s3.eu-west-1.amazonaws.com/bucket/SimpleNotificationService-1.pem',
      'https://sns.eu-west-1.amazonaws.com/?Action=GetCertificate',
      'EXAMPLE',
    ])('refuses %s without fetching it', async (url) => {
      const { fetchCertificate, requested } = certificateServer(key.certificatePem);
      const signed = SnsMessage.parse(signSnsMessage({ ...notification, SigningCertURL: url }, key, '1'));
      await expect(verifySnsSignature(signed, fetchCertificate, new Date())).rejects.toBeInstanceOf(
        SnsSignatureError,
      );
      expect(requested).toEqual([]);
    });

    it('accepts the China regions’ amazonaws.com.cn endpoint', async () => {
      const { fetchCertificate } = certificateServer(key.certificatePem);
      const url = 'https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-1.pem';
      const signed = SnsMessage.parse(signSnsMessage({ ...notification, SigningCertURL: url }, key, '1'));
      await expect(verifySnsSignature(signed, fetchCertificate, new Date())).resolves.toBeUndefined();
    });
  });

  describe('when several messages name the same certificate', () => {
    it('fetches it once', async () => {
      const { fetchCertificate, requested } = certificateServer(key.certificatePem);
      const signed = SnsMessage.parse(signSnsMessage(notification, key, '2'));
      await Promise.all([1, 2, 3].map(() => verifySnsSignature(signed, fetchCertificate, new Date())));
      await verifySnsSignature(signed, fetchCertificate, new Date());
      expect(requested).toHaveLength(1);
    });
  });

  describe('when the certificate cannot be had', () => {
    it('refuses the message and tries again for the next one', async () => {
      let attempts = 0;
      const flaky = async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('connect ETIMEDOUT');
        return key.certificatePem;
      };
      const signed = SnsMessage.parse(signSnsMessage(notification, key, '1'));
      await expect(verifySnsSignature(signed, flaky, new Date())).rejects.toBeInstanceOf(SnsSignatureError);
      await expect(verifySnsSignature(signed, flaky, new Date())).resolves.toBeUndefined();
      expect(attempts).toBe(2);
    });

    it('refuses a certificate that has expired', async () => {
      const { fetchCertificate } = certificateServer(key.certificatePem);
      const signed = SnsMessage.parse(signSnsMessage(notification, key, '1'));
      const inTwoYears = new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000);
      await expect(verifySnsSignature(signed, fetchCertificate, inTwoYears)).rejects.toThrow(/not valid at/);
    });
  });

  describe('when the signature version is unknown', () => {
    it('refuses the message', async () => {
      const { fetchCertificate } = certificateServer(key.certificatePem);
      const signed = SnsMessage.parse({ ...signSnsMessage(notification, key, '1'), SignatureVersion: '3' });
      await expect(verifySnsSignature(signed, fetchCertificate, new Date())).rejects.toThrow(
        /SignatureVersion "3"/,
      );
    });
  });
});
