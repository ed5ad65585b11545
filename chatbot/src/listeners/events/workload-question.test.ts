import { describe, expect, it } from 'vitest';
import { parseWorkloadQuestion, plainText } from './workload-question.ts';

describe('parseWorkloadQuestion', () => {
  describe('when the mention names a workload', () => {
    it.each([
      [
        '<@U0BOT> why is checkout crash looping in shop?',
        { kind: 'deployments', name: 'checkout', namespace: 'shop' },
      ],
      [
        '<@U0BOT> what is wrong with payments-api in the payments namespace',
        { kind: 'deployments', name: 'payments-api', namespace: 'payments' },
      ],
      [
        '<@U0BOT> pod api-7c9d8b6f5-x2x9p keeps restarting -n shop',
        { kind: 'pods', name: 'api-7c9d8b6f5-x2x9p', namespace: 'shop' },
      ],
      [
        '<@U0BOT> the cart-db statefulset is slow, namespace data',
        { kind: 'statefulsets', name: 'cart-db', namespace: 'data' },
      ],
      ['<@U0BOT> investigate sts/cart-db', { kind: 'statefulsets', name: 'cart-db' }],
      [
        '<@U0BOT> why did checkout fail in the last hour in shop?',
        { kind: 'deployments', name: 'checkout', namespace: 'shop' },
      ],
      ['<@U0BOT> why is `checkout` down?', { kind: 'deployments', name: 'checkout' }],
    ])('%j → %j', (text, target) => {
      const parsed = parseWorkloadQuestion(text);
      expect(parsed?.target).toEqual(target);
      expect(parsed?.question).not.toContain('<@');
    });
  });

  describe('when no workload can be made out', () => {
    it.each([
      '<@U0BOT>',
      '<@U0BOT> hello!',
      '<@U0BOT> why is it so slow today?',
      '<@U0BOT> is there a problem?',
    ])('%j gives nothing, so the bot asks instead of guessing', (text) => {
      expect(parseWorkloadQuestion(text)).toBeUndefined();
    });
  });
});

describe('plainText', () => {
  it('drops mentions and keeps link text', () => {
    expect(plainText('<@U0BOT> see <https://x.example/a|the runbook> and <#C123|ops> *now*')).toBe(
      'see the runbook and now',
    );
  });
});
