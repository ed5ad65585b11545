import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The version users see in /healthz and the banner: the root package's. */
export const OPSWORKER_VERSION: string = (require('../../../package.json') as { version: string }).version;
