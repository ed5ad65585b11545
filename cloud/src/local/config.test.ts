import { ConfigError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { loadLocalConfig } from './config.ts';

describe('loadLocalConfig', () => {
  it('has defaults that run on a laptop with nothing set', () => {
    expect(loadLocalConfig({}, '/home/me/opsworker')).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      dataDir: '/home/me/opsworker/.opsworker',
      snsVerify: true,
      groupWindowMs: 30 * 60_000,
      webhookToken: undefined,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadLocalConfig({ OPSWORKER_PORT: '' }).port).toBe(8080);
  });

  it('reports every bad variable at once, by name', () => {
    const load = () =>
      loadLocalConfig({
        OPSWORKER_PORT: 'eighty',
        OPSWORKER_SNS_VERIFY: 'maybe',
        OPSWORKER_WEBHOOK_TOKEN: 'short',
      });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const message = (error as ConfigError).userMessage;
      for (const name of ['OPSWORKER_PORT', 'OPSWORKER_SNS_VERIFY', 'OPSWORKER_WEBHOOK_TOKEN'])
        expect(message).toContain(name);
    }
  });

  it.each([
    ['false', false],
    ['0', false],
    ['true', true],
  ])('reads OPSWORKER_SNS_VERIFY=%s as %s', (value, expected) => {
    expect(loadLocalConfig({ OPSWORKER_SNS_VERIFY: value }).snsVerify).toBe(expected);
  });

  describe('when pointing at a cluster', () => {
    it('leaves the kubeconfig to the defaults (KUBECONFIG, ~/.kube/config) when nothing is set', () => {
      expect(loadLocalConfig({}, '/home/me')).toMatchObject({
        kubeconfigPath: undefined,
        kubeContext: undefined,
      });
    });

    it.each([
      ['/etc/opsworker/kubeconfig', '/etc/opsworker/kubeconfig'],
      ['clusters/prod.yaml', '/home/me/clusters/prod.yaml'],
    ])('reads OPSWORKER_KUBECONFIG=%s as %s', (value, expected) => {
      expect(loadLocalConfig({ OPSWORKER_KUBECONFIG: value }, '/home/me').kubeconfigPath).toBe(expected);
    });

    it('takes a context other than the current one', () => {
      expect(loadLocalConfig({ OPSWORKER_KUBE_CONTEXT: 'prod-eu-1' }).kubeContext).toBe('prod-eu-1');
    });
  });

  it('runs without an LLM unless a provider is set, and reports LLM problems with the others', () => {
    expect(loadLocalConfig({}).llm).toBeUndefined();
    expect(
      loadLocalConfig({
        OPSWORKER_LLM_PROVIDER: 'bedrock',
        AWS_REGION: 'eu-west-1',
        OPSWORKER_LLM_MODEL: 'm',
      }).llm?.connection,
    ).toEqual({ provider: 'bedrock', region: 'eu-west-1' });
    const load = () => loadLocalConfig({ OPSWORKER_PORT: 'eighty', OPSWORKER_LLM_PROVIDER: 'gemini' });
    expect(load).toThrow(/OPSWORKER_PORT[\s\S]*OPSWORKER_LLM_PROVIDER: must be one of/);
  });
});
