import { createHash } from 'node:crypto';

/** A message as it stands in the fake workspace now (after every `chat.update`). */
export interface FakeSlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[] | undefined;
  threadTs: string | undefined;
  /** How many times `chat.update` changed it. */
  updates: number;
}

export interface FakeSlackFile {
  id: string;
  filename: string;
  title: string | undefined;
  bytes: Buffer | undefined;
  channel: string | undefined;
  threadTs: string | undefined;
  initialComment: string | undefined;
}

/** Slack's own answer shape: `{ ok: true, ... }` or `{ ok: false, error }`. */
export type SlackAnswer = { ok: true; [key: string]: unknown } | { ok: false; error: string };

export const TEAM_ID = 'T0FAKETEAM';
export const BOT_USER_ID = 'U0FAKEBOT';
export const BOT_ID = 'B0FAKEBOT';

/**
 * The fake workspace's state: channels, messages, files, views. Kept apart from the HTTP layer
 * so each Web API method is a small function of (state, args).
 */
export class FakeSlackWorkspace {
  readonly messages: FakeSlackMessage[] = [];
  /** Files shared in Slack (their upload completed), as a user would see them. */
  readonly files = new Map<string, FakeSlackFile>();
  /** Files between files.getUploadURLExternal and files.completeUploadExternal. */
  readonly uploads = new Map<string, FakeSlackFile>();
  readonly views: { userId: string | undefined; triggerId: string | undefined; view: unknown }[] = [];
  readonly channelNames = new Map<string, string>();
  #clock = 0;
  #fileCount = 0;

  /** A channel id for an id or a `#name` (Slack answers with ids even when given names). */
  channelId(channel: string): string {
    if (/^[CGD][A-Z0-9]{6,}$/.test(channel)) return channel;
    const name = channel.replace(/^#/, '');
    const id = `C${createHash('sha256').update(name).digest('hex').slice(0, 9).toUpperCase()}`;
    this.channelNames.set(id, name);
    return id;
  }

  /** Message timestamps are unique and increasing, like Slack's. */
  nextTs(): string {
    const seconds = Math.floor(Date.now() / 1000);
    this.#clock += 1;
    return `${seconds}.${String(this.#clock).padStart(6, '0')}`;
  }

  post(args: Record<string, unknown>): SlackAnswer {
    const channel = str(args.channel);
    if (!channel) return { ok: false, error: 'channel_not_found' };
    const text = str(args.text) ?? '';
    const blocks = Array.isArray(args.blocks) ? args.blocks : undefined;
    if (!text && !blocks) return { ok: false, error: 'no_text' };
    if (blocks && blocks.length > 50) return { ok: false, error: 'invalid_blocks' };
    const message: FakeSlackMessage = {
      channel: this.channelId(channel),
      ts: this.nextTs(),
      text,
      blocks,
      threadTs: str(args.thread_ts),
      updates: 0,
    };
    this.messages.push(message);
    return {
      ok: true,
      channel: message.channel,
      ts: message.ts,
      message: { type: 'message', text, blocks, ts: message.ts, user: BOT_USER_ID, bot_id: BOT_ID },
    };
  }

  update(args: Record<string, unknown>): SlackAnswer {
    const channel = str(args.channel);
    const message = this.find(channel, str(args.ts));
    if (!channel || !message) return { ok: false, error: 'message_not_found' };
    const blocks = Array.isArray(args.blocks) ? args.blocks : undefined;
    if (blocks && blocks.length > 50) return { ok: false, error: 'invalid_blocks' };
    if (typeof args.text === 'string') message.text = args.text;
    if (blocks) message.blocks = blocks;
    message.updates += 1;
    return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
  }

  find(channel: string | undefined, ts: string | undefined): FakeSlackMessage | undefined {
    if (!channel || !ts) return undefined;
    const id = this.channelId(channel);
    return this.messages.find((message) => message.channel === id && message.ts === ts);
  }

  /** The replies in a message's thread, oldest first. */
  thread(channel: string, ts: string): FakeSlackMessage[] {
    const id = this.channelId(channel);
    return this.messages.filter((message) => message.channel === id && message.threadTs === ts);
  }

  newFile(filename: string): FakeSlackFile {
    this.#fileCount += 1;
    const id = `F0FAKE${String(this.#fileCount).padStart(4, '0')}`;
    const file: FakeSlackFile = {
      id,
      filename,
      title: undefined,
      bytes: undefined,
      channel: undefined,
      threadTs: undefined,
      initialComment: undefined,
    };
    this.uploads.set(id, file);
    return file;
  }
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
