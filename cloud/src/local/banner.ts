import { ALERT_SOURCES } from '@opsworker/shared';
import type { CreatedOrganization } from '../orgs/organizations.ts';
import type { LocalConfig } from './config.ts';

/** What `npm start` prints: where to send alerts, and the tokens the first time only. */
export function startBanner(options: {
  url: string;
  config: LocalConfig;
  created: CreatedOrganization | undefined;
  startupMs: number;
}): string {
  const base = options.config.publicUrl ?? options.url;
  const lines = [
    `OpsWorker is listening on ${options.url} (started in ${Math.round(options.startupMs)} ms; data in ${options.config.dataDir})`,
    '',
    'Webhook URLs — send "Authorization: Bearer <webhook token>", or append "/<webhook token>" to the URL:',
    ...ALERT_SOURCES.map((source) => `  ${source.padEnd(13)} ${base}/webhooks/${source}`),
    '',
    `API: ${base}/api (Authorization: Bearer <API token>) · health: ${base}/healthz · metrics: ${base}/metrics`,
  ];
  if (options.created) {
    lines.push(
      '',
      'First start: tokens for the default organization. They are shown only now (stored hashed):',
      `  webhook token  ${options.created.webhookToken}`,
      `  API token      ${options.created.apiToken}`,
      'Set OPSWORKER_WEBHOOK_TOKEN / OPSWORKER_API_TOKEN to choose your own, or run `npm run opsworker -- org rotate-tokens default`.',
    );
  }
  if (!options.config.snsVerify) {
    lines.push(
      '',
      'WARNING: OPSWORKER_SNS_VERIFY=false — SNS message signatures are NOT verified. Use only for local testing.',
    );
  }
  return `${lines.join('\n')}\n`;
}
