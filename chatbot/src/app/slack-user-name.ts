import type { WebClient } from '@slack/web-api';

const names = new Map<string, string>();

/**
 * A Slack user's display name, for what OpsWorker stores (who asked, rated, acknowledged):
 * readable in the desktop app, where a `U0123` id means nothing. Cached per process; the id
 * stands in when users.info fails.
 */
export async function slackUserName(client: WebClient, userId: string, known?: string): Promise<string> {
  if (known) return known;
  const cached = names.get(userId);
  if (cached) return cached;
  try {
    const { user } = await client.users.info({ user: userId });
    const name = user?.profile?.display_name || user?.real_name || user?.name || userId;
    names.set(userId, name);
    return name;
  } catch {
    return userId;
  }
}
