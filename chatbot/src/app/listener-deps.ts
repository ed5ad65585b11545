import type { OpsWorkerApi } from '@opsworker/shared';
import type { SlackReplyMode } from '../config.ts';
import type { SlackLog } from './slack-log.ts';

/** A message in Slack: its channel, its ts, and the thread it sits in (when it is a reply). */
export interface SlackMessageRef {
  channel: string;
  ts: string;
  threadTs?: string;
}

/** Which Slack message and thread belong to which investigation (kept by the notifier's state). */
export interface InvestigationThreads {
  /** The investigation whose message is `threadTs` in `channel`, if any. */
  investigationFor(channel: string, threadTs: string): Promise<string | undefined>;
  /**
   * Makes `message` the investigation's Slack message (a manual investigation started from a
   * mention or a slash command): the notifier updates it in place instead of posting another.
   */
  adopt(investigationId: string, message: SlackMessageRef): Promise<void>;
  /** Re-renders the investigation's message now (after feedback or an acknowledgement). */
  refresh(investigationId: string): Promise<void>;
}

/** Posts the daily digest of the bot's organization now (`/opsworker digest`). */
export interface DigestPoster {
  postDigest(channel: string): Promise<void>;
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
