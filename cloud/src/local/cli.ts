import { parseArgs } from 'node:util';
import { ConfigError, OpsWorkerError } from '@opsworker/shared';
import { RuleBook } from '../org-rules/rule-book.ts';
import { createOrganization, rotateTokens } from '../orgs/organizations.ts';
import { LocalStore } from '../store/local/local-store.ts';
import type { Store } from '../store/store.ts';
import { loadLocalConfig } from './config.ts';

const USAGE = `Usage: npm run opsworker -- <command>

Commands:
  org list                          List organizations
  org create <id> [--name <name>]   Create an organization; prints its webhook and API tokens once
  org rotate-tokens <id>            Replace an organization's tokens; the old ones stop working

Options:
  --dynamodb-table <name>           Manage the cloud deployment's organizations (the stack's
                                    TableName output) with the AWS credentials and AWS_REGION
                                    of the environment, instead of the local data dir

The data dir is OPSWORKER_DATA_DIR (default ./.opsworker), the same as \`npm start\` uses.
`;

/** The local data dir's store, or the cloud's DynamoDB table (loaded only then). */
async function openStore(dynamodbTable: string | undefined): Promise<Store> {
  if (!dynamodbTable) return new LocalStore(loadLocalConfig().dataDir);
  const [{ DynamoDBClient }, { DynamoStore }] = await Promise.all([
    import('@aws-sdk/client-dynamodb'),
    import('../store/aws/dynamo-store.ts'),
  ]);
  return new DynamoStore({ client: new DynamoDBClient({}), tableName: dynamodbTable });
}

/** `npm run opsworker -- org ...`: manages organizations in the local data dir or the cloud's table. */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'dynamodb-table': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [group, command, id] = positionals;
  if (values.help || group !== 'org' || !command) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  const store = await openStore(values['dynamodb-table']);
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
