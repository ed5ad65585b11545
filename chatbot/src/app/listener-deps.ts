import type { Investigation, OpsWorkerApi } from '@opsworker/shared';
import type { SlackReplyMode } from '../config.ts';
import type { SlackLog } from './slack-log.ts';

/** Where a Slack-started investigation's message goes: a new message in `channel`, or a reply in `threadTs`. */
export interface SlackPlace {
  channel: string;
  threadTs?: string | undefined;
}

/**
 * The notifier as the listeners see it: which investigation a thread belongs to (its durable
 * state), where the message of an investigation started from Slack goes, and re-rendering.
 */
export interface InvestigationThreads {
  /** The investigation whose message is `threadTs` in `channel` (or replies in it), if any. */
  investigationFor(channel: string, threadTs: string): Promise<string | undefined>;
  /**
   * Hands an investigation started from Slack (`requestedBy: 'slack:<user>'`) to the notifier,
   * which posts its one message there and keeps it up to date.
   */
  attach(investigation: Investigation, where: SlackPlace): Promise<void>;
  /** Re-renders the investigation's message now (after feedback or an acknowledgement). */
  refresh(investigationId: string): Promise<void>;
}

/** Posts the daily digest of the bot's organization now (`/opsworker digest`). */
export interface DigestPoster {
  postDigest(channel: string, threadTs?: string): Promise<void>;
}

/** Everything the listeners use: the OpsWorker API and the bot's own state, nothing else. */
export interface ListenerDeps {
  api: OpsWorkerApi;
  replyMode: SlackReplyMode;
  /** The portal's base URL, for "open" links. */
  portalUrl: string;
  threads: InvestigationThreads;
  digest: DigestPoster;
  log: SlackLog;
}
