/**
 * The Lambda bundles (`npm run bench -- lambda-bundles`): each function of cloud/infra's
 * LAMBDA_ENTRIES bundled with esbuild exactly as the CDK stack bundles it, then
 * - its size (target ≤ 1.5 MB, the AWS SDK excluded: the runtime provides it);
 * - its module init time: the bundle imported in a fresh Node process with the Lambda's
 *   NODE_OPTIONS, median of several runs, next to an empty module measured the same way in the
 *   same run (target ≤ 300 ms above that baseline, where the dependencies allow), and the share
 *   of it that is the AWS SDK packages the bundle imports from the runtime.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { REPO_ROOT } from '../cloud/infra/lib/infra-config.ts';
import { BUNDLE_OPTIONS, LAMBDA_NODE_OPTIONS } from '../cloud/infra/lib/lambda-bundling.ts';
import { LAMBDA_ENTRIES, type LambdaName } from '../cloud/infra/lib/lambda-entries.ts';
import type { BenchResult } from './support/bench-result.ts';
import { median, round } from './support/stats.ts';

const MAX_BUNDLE_BYTES = 1.5 * 1024 * 1024;
const MAX_INIT_MS = 300;
const RUNS = 5;
const child = fileURLToPath(new URL('./support/module-init-child.ts', import.meta.url));
// Inside the repository, so the bundles' external `@aws-sdk/*` imports resolve from node_modules
// as they would from the Lambda runtime.
const outDir = join(REPO_ROOT, 'node_modules/.cache/opsworker-lambda-bundles');

// What the stack sets (names only, no credentials): an entry that reads its configuration at
// import time must find it.
const LAMBDA_ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  OPSWORKER_TABLE_NAME: 'opsworker-bench',
  OPSWORKER_BUCKET_NAME: 'opsworker-bench',
  OPSWORKER_INVESTIGATION_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/opsworker-bench',
  OPSWORKER_EVENTS_TOPIC_ARN: 'arn:aws:sns:us-east-1:000000000000:opsworker-bench',
  OPSWORKER_SLACK_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:opsworker/slack',
  OPSWORKER_API_URL: 'https://api.example.com',
  OPSWORKER_PUBLIC_URL: 'https://portal.example.com',
  OPSWORKER_SLACK_ASYNC_FUNCTION: 'opsworker-slack-async',
};

/** Bundles one entry; returns the bundle and the runtime-provided packages it imports. */
async function bundle(name: LambdaName): Promise<{ file: string; external: string[] }> {
  const outfile = join(outDir, name, 'index.mjs');
  const { metafile } = await build({
    entryPoints: [join(REPO_ROOT, LAMBDA_ENTRIES[name].entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE_OPTIONS.target,
    minify: BUNDLE_OPTIONS.minify,
    sourcemap: BUNDLE_OPTIONS.sourcemap,
    sourcesContent: false,
    mainFields: [...BUNDLE_OPTIONS.mainFields],
    external: [...BUNDLE_OPTIONS.external],
    banner: { js: BUNDLE_OPTIONS.banner },
    logLevel: 'silent',
    metafile: true,
  });
  const imports = Object.values(metafile.outputs).flatMap((output) => output.imports);
  const external = [
    ...new Set(imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/')).map((i) => i.path)),
  ];
  return { file: outfile, external };
}

/** A module importing only the AWS SDK packages a bundle imports: their share of its init time. */
async function sdkOnlyModule(name: LambdaName, external: string[]): Promise<string> {
  const file = join(outDir, name, 'aws-sdk-only.mjs');
  await writeFile(file, external.map((path) => `import '${path}';\n`).join('') || 'export {};\n');
  return file;
}

async function importMs(file: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...LAMBDA_NODE_OPTIONS.split(' '), child, file],
      {
        env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENV },
      },
    );
    times.push(Number(stdout));
  }
  return times;
}

export async function run(): Promise<BenchResult[]> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const empty = join(outDir, 'empty.mjs');
  await writeFile(empty, 'export {};\n');
  const baseline = median(await importMs(empty));
  const results: BenchResult[] = [];
  for (const name of Object.keys(LAMBDA_ENTRIES) as LambdaName[]) {
    const entry = LAMBDA_ENTRIES[name].entry;
    if (!existsSync(join(REPO_ROOT, entry))) {
      results.push({
        name: `lambda ${name} bundle`,
        value: 0,
        unit: 'MB',
        detail: `${entry} does not exist yet: not measured`,
      });
      continue;
    }
    const { file, external } = await bundle(name);
    const bytes = (await stat(file)).size;
    results.push({
      name: `lambda ${name} bundle`,
      value: round(bytes / 1024 / 1024),
      unit: 'MB',
      target: '≤ 1.5 MB',
      met: bytes <= MAX_BUNDLE_BYTES,
      detail: `${entry}, minified ESM, @aws-sdk/* external`,
    });
    let times: number[];
    let sdkTimes: number[];
    try {
      times = await importMs(file);
      sdkTimes = await importMs(await sdkOnlyModule(name, external));
    } catch (error) {
      results.push({
        name: `lambda ${name} init`,
        value: 0,
        unit: 'ms',
        met: false,
        detail: `import failed: ${String(error).slice(0, 300)}`,
      });
      continue;
    }
    const init = median(times) - baseline;
    results.push({
      name: `lambda ${name} init`,
      value: round(init, 0),
      unit: 'ms',
      target: `≤ ${MAX_INIT_MS} ms`,
      met: init <= MAX_INIT_MS,
      detail: `median import of ${RUNS} fresh processes ${round(median(times), 0)} ms − empty module ${round(baseline, 0)} ms (${LAMBDA_NODE_OPTIONS})`,
    });
    results.push({
      name: `lambda ${name} init without the AWS SDK`,
      value: round(median(times) - median(sdkTimes), 0),
      unit: 'ms',
      detail: `the bundle's own code: its import minus importing only ${external.join(', ') || 'no SDK package'} (${round(median(sdkTimes), 0)} ms), which the runtime provides`,
    });
  }
  return results;
}
