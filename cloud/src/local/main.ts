import { ConfigError } from '@opsworker/shared';
import { startBanner } from './banner.ts';
import { loadLocalConfig } from './config.ts';
import { startLocalServer } from './local-server.ts';

// performance.now() counts from process start, so the banner shows the real start-up time.
try {
  const config = loadLocalConfig();
  const server = await startLocalServer(config);
  process.stdout.write(
    startBanner({
      url: server.url,
      config,
      created: server.createdDefaultOrg,
      startupMs: performance.now(),
    }),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: finishing accepted work and stopping…\n`);
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
