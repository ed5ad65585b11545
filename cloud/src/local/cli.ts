import { parseArgs } from 'node:util';
import { ConfigError, OpsWorkerError } from '@opsworker/shared';
import { RuleBook } from '../org-rules/rule-book.ts';
import { createOrganization, rotateTokens } from '../orgs/organizations.ts';
import { LocalStore } from '../store/local/local-store.ts';
import { loadLocalConfig } from './config.ts';

const USAGE = `Usage: npm run opsworker -- <command>

Commands:
  org list                          List organizations
  org create <id> [--name <name>]   Create an organization; prints its webhook and API tokens once
  org rotate-tokens <id>            Replace an organization's tokens; the old ones stop working

The data dir is OPSWORKER_DATA_DIR (default ./.opsworker), the same as \`npm start\` uses.
`;

/** `npm run opsworker -- org ...`: manages organizations in the local data dir. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [group, command, id] = positionals;
  if (values.help || group !== 'org' || !command) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadLocalConfig();
  const store = new LocalStore(config.dataDir);
  const rules = new RuleBook(store);
  if (command === 'list') {
    for (const org of await store.listOrganizations())
      process.stdout.write(`${org.id}\t${org.name}\t${org.createdAt}\n`);
    return 0;
  }
  if ((command === 'create' || command === 'rotate-tokens') && id) {
    const result =
      command === 'create'
        ? await createOrganization({ store, rules }, { id, name: values.name })
        : await rotateTokens(store, id);
    process.stdout.write(
      `Organization ${result.org.id} (${result.org.name}). Tokens, shown only now:\n` +
        `  webhook token  ${result.webhookToken}\n  API token      ${result.apiToken}\n`,
    );
    return 0;
  }
  process.stdout.write(USAGE);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof OpsWorkerError || error instanceof ConfigError) {
    process.stderr.write(`${error.userMessage}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
