import { ApiError, OpsWorkerError } from '@opsworker/shared';
import type { SlackLog } from './slack-log.ts';

/**
 * The sentence a Slack user sees when something fails. The API's 4xx messages are written for
 * users (a refused kubectl command, an unknown investigation) and are shown as they are;
 * anything else is logged in full and the user gets a plain, honest line.
 */
export function userFacingError(error: unknown, log: SlackLog, doing: string): string {
  if (error instanceof ApiError) {
    if (error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403)
      return error.message;
    log.error(`slack: ${doing} failed`, error);
    if (error.status === 0) return 'OpsWorker cannot be reached right now. Please try again in a minute.';
    if (error.status === 401 || error.status === 403)
      return 'The Slack bot is not allowed into OpsWorker (its API token was refused). An administrator needs to check its configuration.';
    return `Something went wrong on OpsWorker's side while ${doing}. It has been logged; please try again.`;
  }
  if (error instanceof OpsWorkerError) return error.userMessage;
  log.error(`slack: ${doing} failed`, error);
  return `Something went wrong while ${doing}. It has been logged; please try again.`;
}
