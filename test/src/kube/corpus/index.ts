import type { ScenarioFiles } from '../builders/scenario-builder.ts';
import {
  missingConfigKeyScenario,
  missingConfigMapScenario,
  missingSecretScenario,
} from './config-errors.ts';
import { jobCompletedControl, recoveredPodControl, rolloutCompletedControl } from './controls.ts';
import { hpaSettledControl, nodeRecoveredControl } from './controls-recovered.ts';
import { oomKilledScenario, panicScenario, permissionDeniedScenario } from './crash-loops.ts';
import { dependencyDownScenario } from './dependency-down.ts';
import { dnsResolutionScenario } from './dns.ts';
import { rateLimitedScenario, tagNotFoundScenario, unauthorizedScenario } from './image-pulls.ts';
import { backoffLimitScenario, deadlineExceededScenario } from './jobs.ts';
import { egressBlockedScenario } from './network.ts';
import { memoryPressureScenario, nodeNotReadyScenario } from './nodes.ts';
import { appsNoise } from './noise-apps.ts';
import { platformNoise } from './noise-platform.ts';
import { livenessProbeScenario, readinessProbeScenario } from './probes.ts';
import { badRolloutScenario, initContainerScenario, selectorMismatchScenario } from './rollouts.ts';
import { hpaAtMaxScenario, quotaExceededScenario } from './scaling.ts';
import {
  antiAffinityScenario,
  insufficientCpuScenario,
  insufficientMemoryScenario,
  untoleratedTaintScenario,
} from './scheduling.ts';
import { dependencyRefusedScenario, missingEnvScenario } from './startup-crashes.ts';
import { missingStorageClassScenario, provisioningFailedScenario, unboundClaimScenario } from './storage.ts';

/** Every scenario of the corpus, one function each; generate-corpus.ts writes them out. */
export const CORPUS: Array<() => ScenarioFiles> = [
  oomKilledScenario,
  missingEnvScenario,
  panicScenario,
  permissionDeniedScenario,
  dependencyRefusedScenario,
  tagNotFoundScenario,
  unauthorizedScenario,
  rateLimitedScenario,
  missingConfigMapScenario,
  missingSecretScenario,
  missingConfigKeyScenario,
  insufficientMemoryScenario,
  insufficientCpuScenario,
  untoleratedTaintScenario,
  antiAffinityScenario,
  missingStorageClassScenario,
  unboundClaimScenario,
  provisioningFailedScenario,
  dependencyDownScenario,
  readinessProbeScenario,
  livenessProbeScenario,
  nodeNotReadyScenario,
  memoryPressureScenario,
  backoffLimitScenario,
  deadlineExceededScenario,
  egressBlockedScenario,
  badRolloutScenario,
  selectorMismatchScenario,
  hpaAtMaxScenario,
  quotaExceededScenario,
  initContainerScenario,
  dnsResolutionScenario,
  rolloutCompletedControl,
  recoveredPodControl,
  jobCompletedControl,
  hpaSettledControl,
  nodeRecoveredControl,
  platformNoise,
  appsNoise,
];
