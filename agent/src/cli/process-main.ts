import { main } from './main.ts';

// The process entry: `bin/opsworker-agent.mjs` imports it, and it is what the container's bundle
// starts from. No top-level await, so the bundle can be CommonJS (see scripts/build.ts).
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
