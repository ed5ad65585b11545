/**
 * Starts the simulated cluster for manual use:
 *   node test/src/kube/serve.ts [scenario ...|--all]
 * then `export KUBECONFIG=...` as printed and use kubectl. Ctrl-C stops it.
 */
import { startFakeCluster } from './fake-cluster.ts';
import { listScenarioNames } from './scenario-loader.ts';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: node test/src/kube/serve.ts [scenario ...|--all]');
  console.log(`scenarios: ${(await listScenarioNames()).join(', ')}`);
  process.exit(0);
}
const cluster = await startFakeCluster({ scenarios: args.includes('--all') ? 'all' : args });
console.log(`fake cluster listening on ${cluster.url}`);
console.log(`scenarios: ${cluster.scenarios.map((s) => s.name).join(', ') || '(base cluster only)'}`);
console.log(`kubeconfig: ${cluster.kubeconfigPath}`);
console.log(`export KUBECONFIG=${cluster.kubeconfigPath}`);

const stop = async () => {
  await cluster.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
