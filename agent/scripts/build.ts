// Bundles the agent into agent/dist/opsworker-agent.cjs, what the container image runs: no
// node_modules, no type stripping, one minified file plus a chunk for @kubernetes/client-node
// (loaded only when a kubeconfig is used, never in a pod).
//
// CommonJS on purpose: in Node 24 an ES module that imports `node:http` gets a namespace of every
// export, whose lazy getters load undici, http2, worker_threads and perf_hooks, about 12 MB of
// resident memory the agent never uses. `require('node:http')` does not touch them.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'rolldown';

const agentDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const AGENT_BUNDLE_NAME = 'opsworker-agent.cjs';

const HTTP2_STUB = '\0opsworker:http2-stub';

/**
 * The SQS client's HTTP package also holds an HTTP/2 handler the agent never uses, and its
 * CommonJS build requires node:http2 up front: loading it costs about 4 MB of resident memory.
 * The bundle gets a stand-in that fails loudly if anything ever does try HTTP/2.
 */
function withoutHttp2(): Plugin {
  return {
    name: 'opsworker-without-http2',
    resolveId(source) {
      return source === 'node:http2' || source === 'http2' ? HTTP2_STUB : null;
    },
    load(id) {
      if (id !== HTTP2_STUB) return null;
      return `const unavailable = () => { throw new Error('HTTP/2 is not part of the agent bundle'); };
export const constants = {};
export const connect = unavailable;
export default { constants, connect };`;
    },
  };
}

/** Builds the bundle into `outDir` (emptied first) and returns the entry file's path. */
export async function buildAgent(outDir = join(agentDir, 'dist')): Promise<string> {
  await rm(outDir, { recursive: true, force: true });
  await build({
    input: join(agentDir, 'src/cli/process-main.ts'),
    platform: 'node',
    logLevel: 'warn',
    // The only externals are Node's built-ins, which do nothing when merely imported: an import
    // whose bindings go unused is dropped.
    treeshake: { moduleSideEffects: 'no-external' },
    plugins: [withoutHttp2()],
    output: {
      dir: outDir,
      format: 'cjs',
      entryFileNames: AGENT_BUNDLE_NAME,
      chunkFileNames: '[name]-[hash].cjs',
      minify: true,
      // An all-ASCII source is kept as one byte per character in V8's heap, not two.
      charset: 'ascii',
    },
  });
  return join(outDir, AGENT_BUNDLE_NAME);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`agent: built ${await buildAgent()}`);
}
