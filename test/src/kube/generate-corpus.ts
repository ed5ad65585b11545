/**
 * Regenerates the checked-in scenario corpus (test/scenarios) from the typed definitions in
 * ./corpus. Run: node test/src/kube/generate-corpus.ts
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { baseClusterObjects } from './corpus/base-cluster.ts';
import { CORPUS } from './corpus/index.ts';
import { corpusIndexTable, withCorpusIndex } from './corpus-index.ts';
import { BASE_CLUSTER, SCENARIOS_DIR } from './scenario-loader.ts';
import { writeBaseCluster, writeScenario } from './scenario-writer.ts';

await writeBaseCluster(SCENARIOS_DIR, BASE_CLUSTER, baseClusterObjects());
const manifests = [];
for (const define of CORPUS) {
  const files = define();
  await writeScenario(SCENARIOS_DIR, files);
  manifests.push(files.manifest);
  console.log(`${files.manifest.kind.padEnd(15)} ${files.manifest.name}`);
}
const readme = join(SCENARIOS_DIR, 'README.md');
await writeFile(readme, withCorpusIndex(await readFile(readme, 'utf8'), corpusIndexTable(manifests)));
console.log(`wrote ${CORPUS.length} scenarios and ${BASE_CLUSTER} to ${SCENARIOS_DIR}`);
