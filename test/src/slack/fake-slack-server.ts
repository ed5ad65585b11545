import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METHOD_TOKENS, METHODS } from './fake-slack-methods.ts';
import { parseSlackArgs, readRawBody, tokenOf, uploadedBytes } from './fake-slack-request.ts';
import { FakeSlackSocket } from './fake-slack-socket.ts';
import {
  BOT_ID,
  BOT_USER_ID,
  FakeSlackWorkspace,
  type SlackAnswer,
  TEAM_ID,
} from './fake-slack-workspace.ts';

export type { SocketAck, SocketEnvelope } from './fake-slack-socket.ts';
export type { FakeSlackFile, FakeSlackMessage } from './fake-slack-workspace.ts';
export { BOT_ID, BOT_USER_ID, TEAM_ID };

/** One request the fake received, failed ones included (`status` 429/500, `ok` false). */
export interface RecordedCall {
  /** A Web API method, `upload` for a file upload URL, or `response_url` for a slash command's response URL. */
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  status: number;
  ok: boolean;
  error: string | undefined;
  /** When it arrived (epoch ms). */
  at: number;
}

/** A failure to inject into the next call of a method. */
export type InjectedFailure = { status: 429; retryAfter: number } | { status: 500 } | { error: string };

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
}

export const FAKE_BOT_TOKEN = 'xoxb-fake-bot-token';
export const FAKE_APP_TOKEN = 'xapp-fake-app-token';

export interface FakeSlack {
  /** Pass as `slackApiUrl` / `SLACK_API_URL`: ends with `/api/`. */
  apiUrl: string;
  url: string;
  botToken: string;
  appToken: string;
  workspace: FakeSlackWorkspace;
  socket: FakeSlackSocket;
  /** Every call so far, oldest first; only those of `method` when given. */
  calls(method?: string): RecordedCall[];
  /** Makes the next call of `method` fail as given (queued: call twice to fail twice). */
  failNext(method: string, failure: InjectedFailure): void;
  /** Resolves with the first call (already made or still to come) of `method` matching `predicate`. */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** A fresh slash-command/interaction `response_url`; posts to it are recorded as `response_url` calls. */
  responseUrl(): string;
  close(): Promise<void>;
}

/**
 * A faithful stand-in for Slack's Web API on 127.0.0.1: the methods OpsWorker uses, with
 * Slack's `ok`/`error` envelope, token checks, HTTP 429 with `Retry-After`, file uploads
 * through an upload URL, response URLs, and a Socket Mode WebSocket.
 */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botToken = options.botToken ?? FAKE_BOT_TOKEN;
  const appToken = options.appToken ?? FAKE_APP_TOKEN;
  const workspace = new FakeSlackWorkspace();
  const socket = new FakeSlackSocket();
  const recorded: RecordedCall[] = [];
  const failures = new Map<string, InjectedFailure[]>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let baseUrl = '';

  const record = (call: Omit<RecordedCall, 'at'>) => {
    const stamped: RecordedCall = { ...call, at: Date.now() };
    recorded.push(stamped);
    events.emit('call', stamped);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const body = await readRawBody(req);
    const [, area, name] = path.split('/');
    if (req.method !== 'POST' || !area || !name)
      return send(res, 404, { ok: false, error: 'unknown_method' });
    if (area === 'upload') return upload(req, res, name, body);
    if (area === 'response') return respond(req, res, body);
    if (area !== 'api') return send(res, 404, { ok: false, error: 'unknown_method' });

    const args = parseSlackArgs(req, body);
    const token = tokenOf(req, args);
    const failure = failures.get(name)?.shift();
    if (failure)
      return fail(res, { method: name, args, token, status: 200, ok: false, error: undefined }, failure);
    const answer = answerFor(name, args, token);
    record({
      method: name,
      args,
      token,
      status: 200,
      ok: answer.ok,
      error: answer.ok ? undefined : answer.error,
    });
    send(res, 200, answer);
  }

  function answerFor(method: string, args: Record<string, unknown>, token: string | undefined): SlackAnswer {
    const answer = METHODS[method];
    if (!answer) return { ok: false, error: 'unknown_method' };
    if (!token) return { ok: false, error: 'not_authed' };
    const wanted = METHOD_TOKENS[method] === 'app' ? appToken : botToken;
    if (token !== wanted)
      return { ok: false, error: token.startsWith('xapp-') ? 'not_allowed_token_type' : 'invalid_auth' };
    return answer(args, {
      workspace,
      baseUrl,
      socketUrl: `${baseUrl.replace(/^http/, 'ws')}link/?ticket=${randomUUID()}`,
    });
  }

  function fail(res: ServerResponse, call: Omit<RecordedCall, 'at'>, failure: InjectedFailure): void {
    if ('error' in failure) {
      record({ ...call, error: failure.error });
      send(res, 200, { ok: false, error: failure.error });
      return;
    }
    record({
      ...call,
      status: failure.status,
      error: failure.status === 429 ? 'ratelimited' : 'internal_error',
    });
    if (failure.status === 429) {
      res.setHeader('retry-after', String(failure.retryAfter));
      send(res, 429, { ok: false, error: 'ratelimited' });
      return;
    }
    res
      .writeHead(500, { 'content-type': 'text/html' })
      .end('<html><body>Internal Server Error</body></html>');
  }

  async function upload(
    req: IncomingMessage,
    res: ServerResponse,
    fileId: string,
    body: Buffer,
  ): Promise<void> {
    const file = workspace.uploads.get(fileId);
    const failure = failures.get('upload')?.shift();
    const call: Omit<RecordedCall, 'at'> = {
      method: 'upload',
      args: { fileId },
      token: undefined,
      status: 200,
      ok: true,
      error: undefined,
    };
    if (failure) return fail(res, { ...call, ok: false }, failure);
    if (!file) {
      record({ ...call, status: 404, ok: false, error: 'file_not_found' });
      return void res.writeHead(404).end('not found');
    }
    file.bytes = await uploadedBytes(req, body);
    record({ ...call, args: { fileId, size: file.bytes.length } });
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${file.bytes.length}`);
  }

  function respond(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const args = parseSlackArgs(req, body);
    record({ method: 'response_url', args, token: undefined, status: 200, ok: true, error: undefined });
    send(res, 200, { ok: true });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 400, { ok: false, error: 'invalid_request', detail: String(error) });
    });
  });
  server.on('upgrade', (req, duplex, head) => {
    if ((req.url ?? '').startsWith('/link')) socket.handleUpgrade(req, duplex, head);
    else duplex.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    apiUrl: `${baseUrl}api/`,
    url: baseUrl,
    botToken,
    appToken,
    workspace,
    socket,
    calls: (method) => (method ? recorded.filter((call) => call.method === method) : [...recorded]),
    failNext(method, failure) {
      const queue = failures.get(method) ?? [];
      queue.push(failure);
      failures.set(method, queue);
    },
    waitForCall(method, predicate = () => true, timeoutMs = 10_000) {
      const matches = (call: RecordedCall) => call.method === method && predicate(call);
      const already = recorded.find(matches);
      if (already) return Promise.resolve(already);
      return new Promise<RecordedCall>((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('call', listener);
          const seen = recorded.filter((call) => call.method === method).map((call) => call.args);
          reject(
            new Error(
              `Timed out after ${timeoutMs} ms waiting for ${method}; its calls: ${JSON.stringify(seen).slice(0, 2000)}`,
            ),
          );
        }, timeoutMs);
        const listener = (call: RecordedCall) => {
          if (!matches(call)) return;
          clearTimeout(timer);
          events.off('call', listener);
          resolve(call);
        };
        events.on('call', listener);
      });
    },
    responseUrl: () => `${baseUrl}response/${randomUUID()}`,
    async close() {
      await socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
