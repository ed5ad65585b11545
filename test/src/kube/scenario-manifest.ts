import { ROOT_CAUSE_CATEGORIES } from '@opsworker/shared';
import { z } from 'zod';

/** The root-cause categories a scenario's `expected.category` may name. */
/** The categories a scenario's expected report can name: the shared root-cause vocabulary. */
export const SCENARIO_CATEGORIES = ROOT_CAUSE_CATEGORIES;

export const ScenarioCategory = z.enum(SCENARIO_CATEGORIES);
export type ScenarioCategory = z.infer<typeof ScenarioCategory>;

/** failure: something is broken; healthy-control: an alert fired but the target is fine; noise: healthy background. */
export const ScenarioKind = z.enum(['failure', 'healthy-control', 'noise']);
export type ScenarioKind = z.infer<typeof ScenarioKind>;

const Labels = z.record(z.string(), z.string());

/** `scenario.json`: what the scenario is, the alert that fires for it and what a correct report says. */
export const ScenarioManifest = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  description: z.string().min(1),
  namespace: z.string().min(1),
  kind: ScenarioKind,
  alert: z.object({
    labels: Labels.refine(
      (l) => Boolean(l.alertname && l.severity),
      'alert labels need alertname and severity',
    ),
    annotations: Labels,
  }),
  expected: z.object({
    category: ScenarioCategory,
    /** `kind/name` of the object at fault, e.g. `deployment/checkout`; absent only for cluster-wide noise. */
    resource: z
      .string()
      .regex(/^[a-z]+\/[a-z0-9][a-z0-9.-]*$/)
      .optional(),
    /** Short strings a correct report must mention. */
    facts: z.array(z.string().min(1)),
  }),
  /** Literal secrets planted in env values or logs that the agent must redact. */
  plantedSecrets: z.array(z.string().min(8)).optional(),
  /** Where the scenario's idea comes from, when it is based on a public case (see SOURCES.md). */
  basedOn: z.string().optional(),
});
export type ScenarioManifest = z.infer<typeof ScenarioManifest>;

/** `metrics.json`: what `kubectl top` reports, in Kubernetes quantities. */
export const ScenarioMetrics = z.object({
  pods: z
    .array(
      z.object({
        namespace: z.string(),
        name: z.string(),
        containers: z.array(z.object({ name: z.string(), cpu: z.string(), memory: z.string() })),
      }),
    )
    .default([]),
  nodes: z.array(z.object({ name: z.string(), cpu: z.string(), memory: z.string() })).default([]),
});
export type ScenarioMetrics = z.infer<typeof ScenarioMetrics>;
