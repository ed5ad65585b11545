// `npm start`: the local all-in-one OpsWorker. The composition root lives outside the packages
// so the backend (cloud) never imports a front end (chatbot, desktop): it only wires them.
import { loadSlackConfig } from '@opsworker/chatbot/config.ts';
import { startBanner } from '@opsworker/cloud/local/banner.ts';
import { loadLocalConfig } from '@opsworker/cloud/local/config.ts';
import { startLocalServer } from '@opsworker/cloud/local/local-server.ts';
import { createLogger } from '@opsworker/cloud/log/logger.ts';
import { ConfigError } from '@opsworker/shared';
import { ensureRendererBuilt, RENDERER_OUT_DIR } from '../desktop/scripts/ensure-renderer-built.ts';

// performance.now() counts from process start, so the banner shows the real start-up time.
try {
  const config = loadLocalConfig();
  const slackConfig = loadSlackConfig();
  const log = createLogger(config.logLevel);
  // Slack: the bot is created first (HTTP mode mounts /slack/events on the server), then
  // connected to the server's API with a token valid for this process only; starting it also
  // starts the notifier (investigation messages) and the daily digest.
  // Imported only when Slack is configured: Bolt (with Express and the Web API client) is a
  // quarter of a second of start-up, which a server without Slack need not spend.
  const bot = slackConfig.configured
    ? (await import('@opsworker/chatbot/start-slack-bot.ts')).createSlackBot(slackConfig.config, log)
    : undefined;
  // The web portal is served from its build: (re)build it when a renderer source is newer.
  if (config.portalDir === RENDERER_OUT_DIR) {
    const portal = await ensureRendererBuilt().catch((error: Error) => {
      process.stderr.write(`Portal: the build failed (${error.message}); the API runs without it.\n`);
      return undefined;
    });
    if (portal?.built) process.stderr.write(`Portal: built the web portal in ${portal.ms} ms.\n`);
  }
  const server = await startLocalServer(config, { log, mounts: bot?.mounts ?? [] });
  if (bot && slackConfig.configured) {
    const { connection } = slackConfig.config;
    try {
      await bot.start({
        apiUrl: server.url,
        apiToken: server.internalApiToken,
        publicUrl: config.publicUrl ?? server.url,
        dataDir: config.dataDir,
      });
      process.stderr.write(
        connection.mode === 'socket'
          ? 'Slack: connected in Socket Mode.\n'
          : `Slack: receiving events at ${config.publicUrl ?? server.url}/slack/events (HTTP mode).\n`,
      );
    } catch (error) {
      // The server keeps running: alerts and the API do not depend on Slack.
      process.stderr.write(
        `Slack: the bot could not start (${(error as Error).message}); check SLACK_BOT_TOKEN and SLACK_APP_TOKEN.\n`,
      );
    }
  } else {
    process.stderr.write(
      'Slack: not configured (set SLACK_BOT_TOKEN with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET; see docs/slack.md).\n',
    );
  }
  process.stdout.write(
    startBanner({ url: server.url, config, created: server.createdDefaultOrg, startupMs: performance.now() }),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: finishing accepted work and stopping…\n`);
    await bot?.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.userMessage}\n`);
    process.exit(1);
  }
  throw error;
}
