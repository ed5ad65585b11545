import {
  BOT_ID,
  BOT_USER_ID,
  type FakeSlackWorkspace,
  type SlackAnswer,
  str,
  TEAM_ID,
} from './fake-slack-workspace.ts';

export interface MethodContext {
  workspace: FakeSlackWorkspace;
  /** The server's base URL (`http://127.0.0.1:PORT/`), for upload and WebSocket URLs. */
  baseUrl: string;
  /** The Socket Mode URL `apps.connections.open` hands out. */
  socketUrl: string;
}

type Method = (args: Record<string, unknown>, context: MethodContext) => SlackAnswer;

/** Which token a method wants: app-level tokens only open Socket Mode connections. */
export type TokenKind = 'bot' | 'app';

export const METHOD_TOKENS: Record<string, TokenKind> = { 'apps.connections.open': 'app' };

/** The Web API methods the fake answers, each as Slack does for the arguments OpsWorker sends. */
export const METHODS: Record<string, Method> = {
  'auth.test': () => ({
    ok: true,
    url: 'https://opsworker-fake.slack.com/',
    team: 'OpsWorker Fake',
    user: 'opsworker',
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    is_enterprise_install: false,
  }),
  'chat.postMessage': (args, { workspace }) => workspace.post(args),
  'chat.update': (args, { workspace }) => workspace.update(args),
  'chat.postEphemeral': (args, { workspace }) => {
    if (!str(args.user)) return { ok: false, error: 'user_not_found' };
    const posted = workspace.post(args);
    return posted.ok ? { ok: true, message_ts: posted.ts } : posted;
  },
  'chat.getPermalink': (args, { workspace }) => {
    const channel = str(args.channel);
    const ts = str(args.message_ts);
    if (!workspace.find(channel, ts)) return { ok: false, error: 'message_not_found' };
    const id = workspace.channelId(channel ?? '');
    return {
      ok: true,
      channel: id,
      permalink: `https://opsworker-fake.slack.com/archives/${id}/p${(ts ?? '').replace('.', '')}`,
    };
  },
  'views.publish': (args, { workspace }) => {
    if (!str(args.user_id)) return { ok: false, error: 'invalid_arguments' };
    if (!args.view || typeof args.view !== 'object') return { ok: false, error: 'invalid_arguments' };
    workspace.views.push({ userId: str(args.user_id), triggerId: undefined, view: args.view });
    return { ok: true, view: { id: `V${workspace.views.length}`, ...(args.view as object) } };
  },
  'views.open': (args, { workspace }) => {
    if (!str(args.trigger_id)) return { ok: false, error: 'invalid_trigger_id' };
    if (!args.view || typeof args.view !== 'object') return { ok: false, error: 'invalid_arguments' };
    workspace.views.push({ userId: undefined, triggerId: str(args.trigger_id), view: args.view });
    return { ok: true, view: { id: `V${workspace.views.length}`, ...(args.view as object) } };
  },
  'conversations.info': (args, { workspace }) => {
    const channel = str(args.channel);
    if (!channel) return { ok: false, error: 'channel_not_found' };
    const id = workspace.channelId(channel);
    const name = workspace.channelNames.get(id) ?? id.toLowerCase();
    return { ok: true, channel: { id, name, is_channel: true, is_member: true } };
  },
  'reactions.add': (args, { workspace }) => {
    if (!str(args.name)) return { ok: false, error: 'invalid_name' };
    if (!workspace.find(str(args.channel), str(args.timestamp)))
      return { ok: false, error: 'message_not_found' };
    return { ok: true };
  },
  'users.info': (args) => {
    const user = str(args.user);
    if (!user) return { ok: false, error: 'user_not_found' };
    const name = user.toLowerCase();
    return {
      ok: true,
      user: {
        id: user,
        team_id: TEAM_ID,
        name,
        real_name: name,
        profile: { display_name: name, real_name: name },
      },
    };
  },
  'apps.connections.open': (_args, { socketUrl }) => ({ ok: true, url: socketUrl }),
  'files.getUploadURLExternal': (args, { workspace, baseUrl }) => {
    const filename = str(args.filename);
    const length = Number(args.length);
    if (!filename || !Number.isInteger(length) || length <= 0)
      return { ok: false, error: 'invalid_arguments' };
    const file = workspace.newFile(filename);
    return { ok: true, upload_url: `${baseUrl}upload/${file.id}`, file_id: file.id };
  },
  'files.completeUploadExternal': (args, { workspace }) => {
    const files = Array.isArray(args.files) ? (args.files as { id?: unknown; title?: unknown }[]) : undefined;
    if (!files || files.length === 0) return { ok: false, error: 'invalid_arguments' };
    const completed = [];
    for (const entry of files) {
      const file = typeof entry.id === 'string' ? workspace.uploads.get(entry.id) : undefined;
      if (!file?.bytes) return { ok: false, error: 'file_not_found' };
      workspace.uploads.delete(file.id);
      workspace.files.set(file.id, file);
      file.title = typeof entry.title === 'string' ? entry.title : file.filename;
      file.channel = str(args.channel_id) ? workspace.channelId(str(args.channel_id) ?? '') : undefined;
      file.threadTs = str(args.thread_ts);
      file.initialComment = str(args.initial_comment);
      completed.push({ id: file.id, name: file.filename, title: file.title, size: file.bytes.length });
    }
    return { ok: true, files: completed };
  },
};
