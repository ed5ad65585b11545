#!/usr/bin/env node
// Runs the TypeScript sources directly: Node 24 strips the types. The container runs the bundle
// that `npm run -w @opsworker/agent build` makes from the same entry.
import '../src/cli/process-main.ts';
