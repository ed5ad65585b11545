import packageJson from '../../package.json' with { type: 'json' };
import { type CliIo, execCommand } from './exec-command.ts';
import { USAGE } from './usage.ts';

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The `opsworker-agent` entry point: dispatches a subcommand and resolves to the exit status. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'exec':
      return execCommand(rest, io);
    case 'run': {
      // Loaded on demand: the queue client is only needed by the long-running agent.
      const { runCommand } = await import('./run-command.ts');
      return runCommand(rest);
    }
    case 'version':
    case '--version':
      io.stdout(`opsworker-agent ${packageJson.version}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(USAGE);
      return 0;
    default:
      io.stderr(`unknown command "${command}"\n\n${USAGE}`);
      return 1;
  }
}
