import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScenarioFiles } from './builders/scenario-builder.ts';
import type { KubeObject } from './types.ts';

/** Writes a scenario as the plain files the loader reads, replacing any previous version of it. */
export async function writeScenario(dir: string, files: ScenarioFiles): Promise<void> {
  const folder = join(dir, files.manifest.name);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'scenario.json'), json(files.manifest));
  await writeFile(join(folder, 'objects.json'), json(files.objects));
  if (files.metrics) await writeFile(join(folder, 'metrics.json'), json(files.metrics));
  for (const log of files.logs) {
    await mkdir(join(folder, 'logs', log.pod), { recursive: true });
    await writeFile(
      join(folder, 'logs', log.pod, `${log.container}${log.previous ? '.previous' : ''}.log`),
      log.text,
    );
  }
}

/** Writes the base cluster folder (objects only). */
export async function writeBaseCluster(dir: string, name: string, objects: KubeObject[]): Promise<void> {
  const folder = join(dir, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'objects.json'), json(objects));
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
