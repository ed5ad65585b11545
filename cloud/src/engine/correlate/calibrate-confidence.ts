import type { Confidence } from '@opsworker/shared';
import type { Finding } from '../analyzers/finding.ts';

const LEVELS: readonly Confidence[] = ['low', 'medium', 'high'];

function lower(confidence: Confidence): Confidence {
  return LEVELS[Math.max(0, LEVELS.indexOf(confidence) - 1)] ?? 'low';
}

/**
 * The confidence a report may claim: never high without evidence the bundle holds, and one step
 * lower when another unrelated finding explains the target about as well (the findings conflict).
 */
export function calibrateConfidence(
  root: Finding,
  rivals: Finding[],
  evidenceIds: ReadonlySet<string>,
): Confidence {
  let confidence = root.confidence;
  const direct = root.evidence.some((e) => evidenceIds.has(e.evidenceId));
  if (!direct && confidence === 'high') confidence = 'medium';
  const rootLevel = LEVELS.indexOf(root.confidence);
  const conflicting = rivals.some(
    (r) => r.resource !== root.resource && LEVELS.indexOf(r.confidence) >= rootLevel,
  );
  if (conflicting) confidence = lower(confidence);
  return confidence;
}
