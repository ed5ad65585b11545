import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '@opsworker/shared';
import { z } from 'zod';
import { type LlmConfig, readLlmConfig } from '../engine/llm/llm-config.ts';

const Flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const Token = z
  .string()
  .min(16, 'must be at least 16 characters')
  .max(512)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');

const Env = z.object({
  OPSWORKER_HOST: z.string().min(1).default('127.0.0.1'),
  OPSWORKER_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  OPSWORKER_DATA_DIR: z.string().min(1).default('./.opsworker'),
  OPSWORKER_WEBHOOK_TOKEN: Token.optional(),
  OPSWORKER_API_TOKEN: Token.optional(),
  OPSWORKER_SNS_VERIFY: Flag.default(true),
  OPSWORKER_GROUP_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  /** How users reach this server (printed webhook URLs, links in messages). */
  OPSWORKER_PUBLIC_URL: z.url().optional(),
  OPSWORKER_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** The kubeconfig of the cluster to investigate; by default KUBECONFIG, then ~/.kube/config. */
  OPSWORKER_KUBECONFIG: z.string().min(1).optional(),
  /** A context of that kubeconfig other than its current one. */
  OPSWORKER_KUBE_CONTEXT: z.string().min(1).max(253).optional(),
  /** The built web portal served at `/`; by default the desktop app's renderer build in this repository. */
  OPSWORKER_PORTAL_DIR: z.string().min(1).optional(),
});

// desktop/dist/renderer, from cloud/src/local/config.ts.
const DEFAULT_PORTAL_DIR = fileURLToPath(new URL('../../../desktop/dist/renderer', import.meta.url));

export interface LocalConfig {
  host: string;
  port: number;
  dataDir: string;
  webhookToken: string | undefined;
  apiToken: string | undefined;
  snsVerify: boolean;
  groupWindowMs: number;
  publicUrl: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Absent: the in-process agent loads the default kubeconfig (KUBECONFIG, ~/.kube/config, in-cluster). */
  kubeconfigPath: string | undefined;
  kubeContext: string | undefined;
  /** The web portal's files; without an index.html there, `/` serves nothing. */
  portalDir: string;
  /** The optional LLM stage; undefined: deterministic reports only. */
  llm: LlmConfig | undefined;
}

/**
 * The local server's configuration, read from the environment once. Every problem is reported
 * at once, by variable name, and the server does not start.
 */
export function loadLocalConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): LocalConfig {
  // Empty variables count as unset: `OPSWORKER_PORT= npm start` should mean the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = Env.safeParse(present);
  const llm = readLlmConfig(present);
  if (!result.success || !llm.ok) {
    const problems = [
      ...(result.success
        ? []
        : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
      ...(llm.ok ? [] : llm.problems),
    ]
      .map((problem) => `  ${problem}`)
      .join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = result.data;
  return {
    host: e.OPSWORKER_HOST,
    port: e.OPSWORKER_PORT,
    dataDir: isAbsolute(e.OPSWORKER_DATA_DIR) ? e.OPSWORKER_DATA_DIR : resolve(cwd, e.OPSWORKER_DATA_DIR),
    webhookToken: e.OPSWORKER_WEBHOOK_TOKEN,
    apiToken: e.OPSWORKER_API_TOKEN,
    snsVerify: e.OPSWORKER_SNS_VERIFY,
    groupWindowMs: e.OPSWORKER_GROUP_WINDOW_MINUTES * 60_000,
    publicUrl: e.OPSWORKER_PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: e.OPSWORKER_LOG_LEVEL,
    kubeconfigPath:
      e.OPSWORKER_KUBECONFIG === undefined
        ? undefined
        : isAbsolute(e.OPSWORKER_KUBECONFIG)
          ? e.OPSWORKER_KUBECONFIG
          : resolve(cwd, e.OPSWORKER_KUBECONFIG),
    kubeContext: e.OPSWORKER_KUBE_CONTEXT,
    portalDir: e.OPSWORKER_PORTAL_DIR ? resolve(cwd, e.OPSWORKER_PORTAL_DIR) : DEFAULT_PORTAL_DIR,
    llm: llm.config,
  };
}
