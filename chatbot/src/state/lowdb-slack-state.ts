import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { InvestigationMessageRecord, OutboxItem, SlackState } from './slack-state.ts';

interface MessagesFile {
  messages: Record<string, InvestigationMessageRecord>;
}
interface OutboxFile {
  items: OutboxItem[];
}
interface DigestFile {
  sentDays: Record<string, string>;
  delivered: Record<string, { channel: string; ts: string; at: number }>;
}

/** Messages idle this long are forgotten: nobody updates a week-old incident message. */
const MESSAGE_RETENTION_MS = 7 * 86_400_000;
const DELIVERED_RETENTION_MS = 86_400_000;

/**
 * SlackState on lowdb files under `<dataDir>/slack/`: `messages.json`, `outbox.json`,
 * `digest.json`. Each write is atomic (lowdb's steno writes a temporary file and renames it),
 * and each file stays small: the outbox holds only pending work and old messages are pruned,
 * so write cost does not grow with history.
 */
export class LowdbSlackState implements SlackState {
  readonly #messages: Low<MessagesFile>;
  readonly #outbox: Low<OutboxFile>;
  readonly #digest: Low<DigestFile>;
  readonly #dir: string;
  readonly #now: () => number;
  #loading: Promise<void> | undefined;

  constructor(dataDir: string, options: { now?: () => number } = {}) {
    this.#dir = join(dataDir, 'slack');
    this.#messages = new Low(new JSONFile<MessagesFile>(join(this.#dir, 'messages.json')), { messages: {} });
    this.#outbox = new Low(new JSONFile<OutboxFile>(join(this.#dir, 'outbox.json')), { items: [] });
    this.#digest = new Low(new JSONFile<DigestFile>(join(this.#dir, 'digest.json')), {
      sentDays: {},
      delivered: {},
    });
    this.#now = options.now ?? Date.now;
  }

  #load(): Promise<void> {
    this.#loading ??= (async () => {
      await mkdir(this.#dir, { recursive: true });
      await Promise.all([this.#messages.read(), this.#outbox.read(), this.#digest.read()]);
    })();
    return this.#loading;
  }

  async getMessage(investigationId: string): Promise<InvestigationMessageRecord | undefined> {
    await this.#load();
    const record = this.#messages.data.messages[investigationId];
    return record ? structuredClone(record) : undefined;
  }

  async updateMessage(
    investigationId: string,
    change: (current: InvestigationMessageRecord | undefined) => InvestigationMessageRecord | undefined,
  ): Promise<InvestigationMessageRecord | undefined> {
    await this.#load();
    // Synchronous between the load and the write: no other call can interleave.
    const messages = this.#messages.data.messages;
    const current = messages[investigationId];
    const next = change(current ? structuredClone(current) : undefined);
    if (!next) return current ? structuredClone(current) : undefined;
    messages[investigationId] = structuredClone(next);
    this.#prune(messages);
    await this.#messages.write();
    return structuredClone(next);
  }

  async findByThread(channel: string, threadTs: string): Promise<string | undefined> {
    await this.#load();
    // The file holds a week of messages at most (pruned on write): a scan stays cheap.
    let found: InvestigationMessageRecord | undefined;
    for (const record of Object.values(this.#messages.data.messages)) {
      if (record.channel !== channel) continue;
      // Its own message wins over one merely replying in the thread (a re-run under the original).
      if (record.ts === threadTs) return record.investigationId;
      if (record.threadTs === threadTs && (!found || record.touchedAt > found.touchedAt)) found = record;
    }
    return found?.investigationId;
  }

  #prune(messages: Record<string, InvestigationMessageRecord>): void {
    const cutoff = this.#now() - MESSAGE_RETENTION_MS;
    for (const [id, existing] of Object.entries(messages)) {
      const settled = existing.deliveredVersion >= existing.version;
      if (settled && Date.parse(existing.touchedAt) < cutoff) delete messages[id];
    }
  }

  async outbox(): Promise<OutboxItem[]> {
    await this.#load();
    return structuredClone(this.#outbox.data.items);
  }

  async mutateOutbox<T>(change: (items: OutboxItem[]) => T): Promise<T> {
    await this.#load();
    const result = change(this.#outbox.data.items);
    await this.#outbox.write();
    return structuredClone(result);
  }

  async getDelivered(itemId: string): Promise<{ channel: string; ts: string } | undefined> {
    await this.#load();
    const delivered = this.#digest.data.delivered[itemId];
    return delivered ? { channel: delivered.channel, ts: delivered.ts } : undefined;
  }

  async putDelivered(itemId: string, where: { channel: string; ts: string }): Promise<void> {
    await this.#load();
    const delivered = this.#digest.data.delivered;
    const now = this.#now();
    delivered[itemId] = { ...where, at: now };
    for (const [id, entry] of Object.entries(delivered))
      if (entry.at < now - DELIVERED_RETENTION_MS) delete delivered[id];
    await this.#digest.write();
  }

  async getDigestSentDay(key: string): Promise<string | undefined> {
    await this.#load();
    return this.#digest.data.sentDays[key];
  }

  async setDigestSentDay(key: string, day: string): Promise<void> {
    await this.#load();
    this.#digest.data.sentDays[key] = day;
    await this.#digest.write();
  }
}
