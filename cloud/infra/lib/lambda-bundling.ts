/**
 * How every Lambda bundle is built, written once for the CDK functions (NodejsFunction's
 * esbuild options) and for the bundle benchmark (esbuild's own API).
 */
export const LAMBDA_NODE_MAJOR = 24;

/**
 * The Node 24 runtime ships AWS SDK v3, so bundling it again would only add megabytes and
 * init time.
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*'];

/**
 * ESM output lets entries use top-level await; CommonJS dependencies bundled into it still call
 * `require` for Node built-ins, which ESM lacks, hence the shim.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __opsworkerCreateRequire } from 'node:module'; const require = __opsworkerCreateRequire(import.meta.url);";

export const BUNDLE_OPTIONS = {
  target: `node${LAMBDA_NODE_MAJOR}`,
  minify: true,
  sourcemap: true,
  // Prefer packages' ESM builds: they tree-shake, their CommonJS builds often do not.
  mainFields: ['module', 'main'],
  external: EXTERNAL_MODULES,
  banner: ESM_REQUIRE_BANNER,
} as const;

/** Source maps turned on at run time too, so stack traces in CloudWatch name the TypeScript files. */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';
