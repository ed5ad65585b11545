import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { main } from './main.ts';

async function run(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('main', () => {
  describe('when asked for help or the version', () => {
    it.each([[[]], [['--help']], [['help']]])('prints usage for %j', async (argv) => {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('opsworker-agent exec [options] -- <kubectl-style command>');
    });

    it('prints the package version', async () => {
      expect(await run(['version'])).toEqual({
        code: 0,
        stdout: `opsworker-agent ${packageJson.version}\n`,
        stderr: '',
      });
    });
  });

  describe('when exec is refused', () => {
    // Refusals happen before any kubeconfig is read, so these need no cluster.
    it.each([
      [['exec', '--', 'delete', 'pod', 'web-1'], 'changes the cluster'],
      [['exec', '--', 'get', 'secrets'], 'Secrets are never read'],
      [['exec', 'get', 'pods', '--token', 'x'], 'own read-only credentials'],
    ])('exits 2 with the reason on stderr for %j', async (argv, reason) => {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(reason);
    });
  });

  describe('when the subcommand is unknown', () => {
    it('exits 1 with usage on stderr', async () => {
      const { code, stderr } = await run(['frobnicate']);
      expect(code).toBe(1);
      expect(stderr).toContain('unknown command "frobnicate"');
    });
  });
});
