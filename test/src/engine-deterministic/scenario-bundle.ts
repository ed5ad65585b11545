import type { EvidenceBundle } from '@opsworker/cloud/engine/evidence/evidence-bundle.ts';
import { normalize } from '@opsworker/cloud/normalize/index.ts';
import type { NormalizedAlert } from '@opsworker/shared';
import { loadBaseCluster, loadScenario } from '../kube/scenario-loader.ts';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { collectForScope } from './collect-for-scope.ts';
import { SimulatedCollection } from './simulated-collection.ts';

/** A scenario as the engine meets it: the alert as production normalizes it and the evidence collected for it. */
export interface ScenarioInvestigation {
  manifest: ScenarioManifest;
  alert: NormalizedAlert;
  bundle: EvidenceBundle;
}

/**
 * Loads a scenario onto the base cluster, sends its alert through the real Alertmanager
 * normalizer to get the scope production would see, and collects evidence for that scope the
 * way the collector does. Relative times in the scenario resolve against `now`, which is also
 * the bundle's collectedAt.
 */
export async function investigationFromScenario(
  name: string,
  now = new Date(),
): Promise<ScenarioInvestigation> {
  const [scenario, base] = await Promise.all([loadScenario(name), loadBaseCluster()]);
  const payload = alertmanagerPayload([
    { labels: scenario.manifest.alert.labels, annotations: scenario.manifest.alert.annotations },
  ]);
  const result = await normalize('alertmanager', payload, { receivedAt: now });
  const alert = result.kind === 'alerts' ? result.alerts[0] : undefined;
  if (!alert) throw new Error(`${name}: the alert did not normalize (${result.kind})`);
  const collection = new SimulatedCollection([...base, ...scenario.objects], scenario.logs, now);
  const target = collectForScope(collection, alert.scope);
  return { manifest: scenario.manifest, alert, bundle: collection.bundle(alert.scope, target) };
}

/** The evidence bundle a collector would gather for a scenario's alert. */
export async function bundleFromScenario(name: string, now = new Date()): Promise<EvidenceBundle> {
  return (await investigationFromScenario(name, now)).bundle;
}
