import { describe, expect, it } from 'vitest';
import { parseOpsWorkerCommand } from './parse-opsworker-command.ts';

describe('parseOpsWorkerCommand', () => {
  describe('investigate', () => {
    it.each([
      ['investigate deploy/checkout', { kind: 'deployments', name: 'checkout' }, undefined],
      [
        'investigate pod/checkout-7d9f-x2 -n shop',
        { kind: 'pods', name: 'checkout-7d9f-x2', namespace: 'shop' },
        undefined,
      ],
      [
        'investigate statefulset/db --namespace=data why did it restart at 3am?',
        { kind: 'statefulsets', name: 'db', namespace: 'data' },
        'why did it restart at 3am?',
      ],
      [
        'INVESTIGATE checkout why 500s? -n Shop',
        { kind: 'deployments', name: 'checkout', namespace: 'shop' },
        'why 500s?',
      ],
    ])('reads %j', (text, target, question) => {
      expect(parseOpsWorkerCommand(text)).toEqual({
        name: 'investigate',
        target,
        ...(question ? { question } : {}),
      });
    });

    it.each([
      ['investigate', 'What should I investigate?'],
      ['investigate deploy/checkout -n', '-n needs a namespace.'],
      ['investigate secret/db-password', 'Refused: Secrets are never read'],
      ['investigate widget/x', 'Refused: "widget" is not a resource type'],
      ['investigate deploy/Check_out!', 'is not a Kubernetes object name'],
      ['investigate deploy/checkout -n bad_ns', 'is not a namespace name'],
    ])('explains what is wrong with %j, with the usage', (text, problem) => {
      const command = parseOpsWorkerCommand(text);
      expect(command.name).toBe('help');
      expect(command.name === 'help' && command.problem).toContain(problem);
      expect(command.name === 'help' && command.problem).toContain('/opsworker investigate <kind>/<name>');
    });
  });

  describe('kubectl', () => {
    it.each([
      ['kubectl get pods -n shop', 'kubectl get pods -n shop'],
      ['kubectl kubectl logs deploy/checkout --tail 50', 'kubectl logs deploy/checkout --tail 50'],
    ])('passes %j on as one kubectl command for the server to check', (text, command) => {
      expect(parseOpsWorkerCommand(text)).toEqual({ name: 'kubectl', command });
    });

    it('asks which command when none is given', () => {
      expect(parseOpsWorkerCommand('kubectl  ')).toMatchObject({
        name: 'help',
        problem: expect.stringContaining('Which command?'),
      });
    });
  });

  it.each(['status', 'rules', 'digest', 'help', ' Status '])('reads %j', (text) => {
    expect(parseOpsWorkerCommand(text)).toEqual({ name: text.trim().toLowerCase() });
  });

  it('answers an empty command with help', () => {
    expect(parseOpsWorkerCommand('')).toEqual({ name: 'help' });
  });

  it('answers an unknown subcommand with help naming it', () => {
    expect(parseOpsWorkerCommand('restart checkout')).toEqual({
      name: 'help',
      problem: 'There is no `restart` subcommand.',
    });
  });
});
