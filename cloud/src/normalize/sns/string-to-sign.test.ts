import { describe, expect, it } from 'vitest';
import { SnsMessage } from './envelope.ts';
import { snsStringToSign } from './string-to-sign.ts';

const common = {
  MessageId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
  TopicArn: 'arn:aws:sns:us-west-2:123456789012:MyTopic',
  Message: 'Hello world!',
  Timestamp: '2012-05-02T00:54:06.655Z',
  SignatureVersion: '1',
  Signature: 'EXAMPLE',
  SigningCertURL:
    'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem',
};

describe('snsStringToSign', () => {
  describe('when the message is a notification with a subject', () => {
    it('signs Message, MessageId, Subject, Timestamp, TopicArn and Type in that order', () => {
      const message = SnsMessage.parse({
        ...common,
        Type: 'Notification',
        Subject: 'My First Message',
        UnsubscribeURL: 'x',
      });
      expect(snsStringToSign(message)).toBe(
        'Message\nHello world!\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\nSubject\nMy First Message\n' +
          'Timestamp\n2012-05-02T00:54:06.655Z\nTopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\nType\nNotification\n',
      );
    });
  });

  describe('when the notification has no subject', () => {
    it.each([undefined, null])('leaves Subject out entirely (%s)', (Subject) => {
      const message = SnsMessage.parse({ ...common, Type: 'Notification', Subject });
      expect(snsStringToSign(message)).not.toContain('Subject');
    });
  });

  describe('when the message is a subscription confirmation', () => {
    it('signs SubscribeURL and Token instead of Subject', () => {
      const message = SnsMessage.parse({
        ...common,
        Type: 'SubscriptionConfirmation',
        Message: 'confirm',
        SubscribeURL: 'https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=abc',
        Token: 'abc',
      });
      expect(snsStringToSign(message)).toBe(
        'Message\nconfirm\nMessageId\n22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\n' +
          'SubscribeURL\nhttps://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=abc\n' +
          'Timestamp\n2012-05-02T00:54:06.655Z\nToken\nabc\nTopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\n' +
          'Type\nSubscriptionConfirmation\n',
      );
    });
  });
});
