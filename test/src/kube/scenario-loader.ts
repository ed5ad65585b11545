import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { OpsWorkerError } from '@opsworker/shared';
import { metricsObjects } from './metrics.ts';
import { ScenarioManifest, ScenarioMetrics } from './scenario-manifest.ts';
import type { KubeObject, PodLog } from './types.ts';

/** Where the checked-in scenario corpus lives. */
export const SCENARIOS_DIR = resolve(import.meta.dirname, '../../scenarios');

/** The folder of objects every fake cluster starts with (nodes, system namespaces, storage classes). */
export const BASE_CLUSTER = '_cluster';

/** A scenario folder that is missing or does not match the documented format. */
export class ScenarioError extends OpsWorkerError {
  override name = 'ScenarioError';
}

/** A scenario read from disk: its manifest, objects (metrics included) and container logs. */
export interface LoadedScenario {
  manifest: ScenarioManifest;
  objects: KubeObject[];
  logs: PodLog[];
}

/** The names of every scenario in the corpus, sorted (folders starting with `_` are not scenarios). */
export async function listScenarioNames(dir = SCENARIOS_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
}

/** Reads and validates one scenario folder. */
export async function loadScenario(name: string, dir = SCENARIOS_DIR): Promise<LoadedScenario> {
  const folder = join(dir, name);
  const manifest = ScenarioManifest.safeParse(await readJson(join(folder, 'scenario.json')));
  if (!manifest.success) throw new ScenarioError(`${name}/scenario.json: ${manifest.error.message}`);
  if (manifest.data.name !== name)
    throw new ScenarioError(`${name}/scenario.json names itself "${manifest.data.name}"`);
  const objects = await loadObjects(folder);
  const metrics = await readOptionalJson(join(folder, 'metrics.json'));
  if (metrics !== undefined) {
    const parsed = ScenarioMetrics.safeParse(metrics);
    if (!parsed.success) throw new ScenarioError(`${name}/metrics.json: ${parsed.error.message}`);
    objects.push(...metricsObjects(parsed.data, objects));
  }
  return { manifest: manifest.data, objects, logs: await loadLogs(folder, objects, manifest.data.namespace) };
}

/** Reads the objects of the base cluster folder (no manifest, no logs). */
export async function loadBaseCluster(dir = SCENARIOS_DIR): Promise<KubeObject[]> {
  return loadObjects(join(dir, BASE_CLUSTER));
}

async function loadObjects(folder: string): Promise<KubeObject[]> {
  const objects = await readJson(join(folder, 'objects.json'));
  if (!Array.isArray(objects))
    throw new ScenarioError(`${folder}/objects.json must be a JSON array of objects`);
  return objects as KubeObject[];
}

// logs/<pod>/<container>.log is the current instance, <container>.previous.log the last terminated one.
async function loadLogs(folder: string, objects: KubeObject[], fallbackNamespace: string): Promise<PodLog[]> {
  const logsDir = join(folder, 'logs');
  const pods = await readdir(logsDir, { withFileTypes: true }).catch(() => []);
  const logs: PodLog[] = [];
  for (const podDir of pods.filter((d) => d.isDirectory())) {
    const pod = objects.find((o) => o.kind === 'Pod' && o.metadata.name === podDir.name);
    if (!pod) throw new ScenarioError(`${folder}/logs/${podDir.name}: no Pod of that name in objects.json`);
    for (const file of await readdir(join(logsDir, podDir.name))) {
      const match = /^(.+?)(\.previous)?\.log$/.exec(file);
      if (!match?.[1])
        throw new ScenarioError(`${folder}/logs/${podDir.name}/${file}: expected <container>[.previous].log`);
      logs.push({
        namespace: pod.metadata.namespace ?? fallbackNamespace,
        pod: podDir.name,
        container: match[1],
        previous: Boolean(match[2]),
        text: await readFile(join(logsDir, podDir.name, file), 'utf8'),
      });
    }
  }
  return logs;
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((cause: unknown) => {
    throw new ScenarioError(`cannot read ${file}`, { cause });
  });
  return parseJson(file, text);
}

async function readOptionalJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ScenarioError(`cannot read ${file}`, { cause: error });
  });
  return text === undefined ? undefined : parseJson(file, text);
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ScenarioError(`${file} is not valid JSON`, { cause });
  }
}
