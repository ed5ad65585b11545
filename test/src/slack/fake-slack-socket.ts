import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

/** What Slack sends over Socket Mode: an envelope around an event, a command or an interaction. */
export interface SocketEnvelope {
  type: 'events_api' | 'slash_commands' | 'interactive';
  payload: Record<string, unknown>;
  envelope_id?: string;
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** The app's acknowledgement: the envelope id and, for commands and interactions, an optional payload. */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

/**
 * Slack's Socket Mode side: a WebSocket server that greets each connection with `hello`,
 * lets a test push envelopes, and records the app's acks.
 */
export class FakeSlackSocket {
  readonly acks: SocketAck[] = [];
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #clients = new Set<WebSocket>();
  readonly #ackWaiters = new Map<string, (ack: SocketAck) => void>();
  readonly #connectWaiters: (() => void)[] = [];
  #connections = 0;

  /** How many connections have been opened so far (reconnects count). */
  get connections(): number {
    return this.#connections;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
  }

  #accept(ws: WebSocket): void {
    this.#clients.add(ws);
    this.#connections += 1;
    ws.on('close', () => this.#clients.delete(ws));
    ws.on('message', (data) => this.#onMessage(String(data)));
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.#clients.size,
        debug_info: { host: 'fake-slack', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0FAKEAPP' },
      }),
    );
    for (const waiter of this.#connectWaiters.splice(0)) waiter();
  }

  #onMessage(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    const ack = message as Partial<SocketAck>;
    if (typeof ack.envelope_id !== 'string') return;
    const recorded: SocketAck = { envelope_id: ack.envelope_id, payload: ack.payload };
    this.acks.push(recorded);
    this.#ackWaiters.get(ack.envelope_id)?.(recorded);
    this.#ackWaiters.delete(ack.envelope_id);
  }

  /** Resolves once an app is connected (immediately when one already is). */
  async waitForConnection(timeoutMs = 10_000): Promise<void> {
    if (this.#clients.size > 0) return;
    await withTimeout(
      new Promise<void>((resolve) => this.#connectWaiters.push(resolve)),
      timeoutMs,
      'a Socket Mode connection',
    );
  }

  /** Sends an envelope to the connected app and resolves with its ack. */
  async send(envelope: SocketEnvelope, timeoutMs = 10_000): Promise<SocketAck> {
    await this.waitForConnection(timeoutMs);
    const envelopeId = envelope.envelope_id ?? randomUUID();
    const acked = new Promise<SocketAck>((resolve) => this.#ackWaiters.set(envelopeId, resolve));
    const body = {
      accepts_response_payload: envelope.type !== 'events_api',
      ...envelope,
      envelope_id: envelopeId,
    };
    for (const client of this.#clients) client.send(JSON.stringify(body));
    return withTimeout(acked, timeoutMs, `the ack of envelope ${envelopeId}`);
  }

  /** Asks connected apps to reconnect, as Slack does before rotating a connection. */
  disconnectAll(reason = 'refresh_requested'): void {
    for (const client of this.#clients) client.send(JSON.stringify({ type: 'disconnect', reason }));
  }

  async close(): Promise<void> {
    for (const client of this.#clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
