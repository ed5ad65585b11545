import { ConfigError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { loadAgentConfig } from './config.ts';

const minimal = {
  OPSWORKER_AGENT_REQUEST_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/prod-requests',
  OPSWORKER_AGENT_RESPONSE_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/prod-responses',
  OPSWORKER_CLUSTER_NAME: 'prod-eu',
};

describe('loadAgentConfig', () => {
  describe('when only the required variables are set', () => {
    it('fills in the defaults and takes the region from the queue URL', () => {
      expect(loadAgentConfig(minimal)).toEqual({
        requestQueueUrl: minimal.OPSWORKER_AGENT_REQUEST_QUEUE_URL,
        responseQueueUrl: minimal.OPSWORKER_AGENT_RESPONSE_QUEUE_URL,
        region: 'eu-west-1',
        clusterName: 'prod-eu',
        heartbeatSeconds: 60,
        concurrency: 2,
        healthPort: 8080,
      });
    });
  });

  describe('when every variable is set', () => {
    it('reads each one', () => {
      const config = loadAgentConfig({
        ...minimal,
        OPSWORKER_AGENT_REQUEST_QUEUE_URL: 'http://127.0.0.1:4566/000000000000/requests',
        OPSWORKER_AGENT_HEARTBEAT_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/heartbeats',
        AWS_REGION: 'us-east-1',
        OPSWORKER_AGENT_HEARTBEAT_SECONDS: '15',
        OPSWORKER_AGENT_CONCURRENCY: '8',
        OPSWORKER_AGENT_HEALTH_PORT: '9090',
        OPSWORKER_AGENT_AUDIT_LOG: '/var/log/opsworker/audit.jsonl',
        OPSWORKER_AGENT_HEALTH_HOST: '127.0.0.1',
        KUBERNETES_SERVICE_HOST: '10.100.0.1',
        KUBERNETES_SERVICE_PORT: '443',
        OPSWORKER_AGENT_SERVICE_ACCOUNT_DIR: '/var/run/secrets/opsworker',
      });
      expect(config).toMatchObject({
        healthHost: '127.0.0.1',
        inCluster: { host: '10.100.0.1', port: '443', serviceAccountDir: '/var/run/secrets/opsworker' },
        heartbeatQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/heartbeats',
        region: 'us-east-1',
        heartbeatSeconds: 15,
        concurrency: 8,
        healthPort: 9090,
        auditLog: '/var/log/opsworker/audit.jsonl',
      });
    });
  });

  describe('when the environment is wrong', () => {
    it.each([
      {
        what: 'nothing set',
        env: {},
        message: /OPSWORKER_AGENT_REQUEST_QUEUE_URL is required.*OPSWORKER_CLUSTER_NAME is required/,
      },
      {
        what: 'a queue name instead of a URL',
        env: { ...minimal, OPSWORKER_AGENT_RESPONSE_QUEUE_URL: 'prod-responses' },
        message: /OPSWORKER_AGENT_RESPONSE_QUEUE_URL must be an http\(s\) queue URL/,
      },
      {
        what: 'a concurrency of zero',
        env: { ...minimal, OPSWORKER_AGENT_CONCURRENCY: '0' },
        message: /OPSWORKER_AGENT_CONCURRENCY must be at least 1/,
      },
      {
        what: 'a fractional heartbeat',
        env: { ...minimal, OPSWORKER_AGENT_HEARTBEAT_SECONDS: '1.5' },
        message: /OPSWORKER_AGENT_HEARTBEAT_SECONDS must be a whole number/,
      },
      {
        what: 'a port that is not a number',
        env: { ...minimal, OPSWORKER_AGENT_HEALTH_PORT: 'http' },
        message: /OPSWORKER_AGENT_HEALTH_PORT must be a number/,
      },
      {
        what: 'a malformed region',
        env: { ...minimal, AWS_REGION: 'Ireland' },
        message: /AWS_REGION must be an AWS region/,
      },
      {
        what: 'no region anywhere',
        env: { ...minimal, OPSWORKER_AGENT_REQUEST_QUEUE_URL: 'http://127.0.0.1:4566/000000000000/requests' },
        message: /AWS_REGION is required/,
      },
    ])('fails fast on $what, naming the variable', ({ env, message }) => {
      expect(() => loadAgentConfig(env)).toThrow(ConfigError);
      expect(() => loadAgentConfig(env)).toThrow(message);
    });

    it('treats an empty variable as unset, as Helm renders absent values', () => {
      const config = loadAgentConfig({
        ...minimal,
        OPSWORKER_AGENT_HEALTH_PORT: '',
        OPSWORKER_AGENT_HEARTBEAT_QUEUE_URL: '',
      });
      expect(config.healthPort).toBe(8080);
      expect(config).not.toHaveProperty('heartbeatQueueUrl');
    });
  });
});
