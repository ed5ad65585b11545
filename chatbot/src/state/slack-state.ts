import type { SlackMessage } from '../blocks/block-types.ts';

/** Where an investigation's message lives in Slack and what it should show now. */
export interface InvestigationMessageRecord {
  investigationId: string;
  /** The channel id (Slack answers with ids; routes may name `#channels`). */
  channel: string;
  /** The message's ts once posted. */
  ts?: string | undefined;
  /** Posted as a reply in this thread (a mention that started the investigation) rather than in the channel. */
  threadTs?: string | undefined;
  /** What the message should show now; `version` grows with every change. */
  rendered: SlackMessage;
  version: number;
  /** The version Slack shows (posted or updated). */
  deliveredVersion: number;
  /** Epoch ms of the last post or update: updates are spaced by the throttle from it. */
  lastDeliveredAt?: number | undefined;
  /** Epoch ms of the last thread post: steps arriving faster are gathered into one reply. */
  lastThreadPostAt?: number | undefined;
  /** Last time anything changed (records idle for long are pruned). */
  touchedAt: string;
}

/** A piece of Slack work not yet done. Kept until Slack confirmed it, so a restart loses nothing. */
export type OutboxWork =
  /** Post or update an investigation's message with its latest rendering. */
  | { kind: 'investigation_message'; investigationId: string }
  /** Lines for an investigation's thread (gathered until posted). */
  | { kind: 'thread_lines'; investigationId: string; lines: string[] }
  /** A plain message (the digest). */
  | { kind: 'message'; channel: string; message: SlackMessage; threadTs?: string | undefined }
  /** A file (the digest's chart), as base64. */
  | {
      kind: 'file';
      channel: string;
      filename: string;
      title: string;
      contentBase64: string;
      /** Posted in the thread of the outbox item with this id, once that one is delivered. */
      afterItemId?: string | undefined;
      threadTs?: string | undefined;
    };

export interface OutboxItem {
  id: string;
  work: OutboxWork;
  attempts: number;
  /** Epoch ms before which it is not tried. */
  nextAttemptAt: number;
  createdAt: string;
  /** The last failure, for the log and for people reading the state file. Never a token. */
  lastError?: string | undefined;
}

/**
 * The Slack bot's own durable state: investigation messages, the outbox of pending Slack work,
 * and when each organization's digest was last sent. The local adapter keeps it in files under
 * the data dir; a cloud adapter would keep it in the table.
 */
export interface SlackState {
  getMessage(investigationId: string): Promise<InvestigationMessageRecord | undefined>;
  /**
   * Read-modify-write of one message record, atomic with respect to every other call on this
   * state: `change` gets a copy of the current record and returns the new one (or undefined to
   * leave it as it is). The notifier and the delivery loop both change records, concurrently.
   */
  updateMessage(
    investigationId: string,
    change: (current: InvestigationMessageRecord | undefined) => InvestigationMessageRecord | undefined,
  ): Promise<InvestigationMessageRecord | undefined>;
  /**
   * The investigation whose Slack message is `threadTs` in `channel`, or whose message was
   * posted as a reply in that thread (a mention or a re-run): how a reply in any investigation
   * thread finds its investigation, across restarts.
   */
  findByThread(channel: string, threadTs: string): Promise<string | undefined>;

  /** Pending work, oldest first. */
  outbox(): Promise<OutboxItem[]>;
  /** Atomic change of the outbox: `change` edits the list in place and returns a result. */
  mutateOutbox<T>(change: (items: OutboxItem[]) => T): Promise<T>;
  /** Results of delivered messages the later work depends on (a file in a digest's thread). */
  getDelivered(itemId: string): Promise<{ channel: string; ts: string } | undefined>;
  putDelivered(itemId: string, where: { channel: string; ts: string }): Promise<void>;

  /** The UTC day (`YYYY-MM-DD`) whose digest was last sent for the organization. */
  getDigestSentDay(key: string): Promise<string | undefined>;
  setDigestSentDay(key: string, day: string): Promise<void>;
}
