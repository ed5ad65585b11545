import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Scope } from '@opsworker/shared';
import { z } from 'zod';

/** Where the HolmesGPT cases were collected (see its INDEX.json). */
export const HOLMES_CORPUS_DIR = '/work/shared/corpus/holmes';

const Mock = z.object({
  file: z.string(),
  tool_name: z.string(),
  match_params: z.record(z.string(), z.unknown()).nullable(),
});

const Case = z.object({
  path: z.string(),
  case: z.string(),
  mode: z.enum(['mocked', 'live_only']),
  /** A question, an alert to investigate (`investigate_request.title` + `subject`), or a workload health request. */
  input: z.unknown(),
  expected_output: z.union([z.string(), z.array(z.string())]).nullable(),
  mocks: z.array(Mock).nullable(),
});

/** One recorded tool output: which tool, with which parameters, and what it printed. */
export interface HolmesMock {
  tool: string;
  params: Record<string, unknown>;
  output: string;
}

/** A HolmesGPT case with recorded tool outputs: the question, what a right answer says, the recordings. */
export interface HolmesCase {
  name: string;
  question: string;
  expected: string[];
  scope: Scope;
  mocks: HolmesMock[];
}

const TARGET = /<<\s*(\{[^}]*\})\s*>>/;
const KINDS: Record<string, Scope['kind']> = {
  pod: 'pods',
  deployment: 'deployments',
  job: 'jobs',
  statefulset: 'statefulsets',
  daemonset: 'daemonsets',
  service: 'services',
  node: 'nodes',
};

const Subject = z
  .object({
    name: z.string().nullish(),
    namespace: z.string().nullish(),
    kind: z.string().nullish(),
    subject_type: z.string().nullish(),
    type: z.string().nullish(),
  })
  .loose();
const AlertInput = z.object({ 'investigate_request.title': z.string(), subject: Subject });
const HealthInput = z.object({
  workload_health_request: z.object({ resource: Subject, ask: z.string() }).loose(),
});

function scopeOf(subject: z.infer<typeof Subject>): Scope {
  const kind = KINDS[(subject.kind ?? subject.subject_type ?? subject.type ?? '').toLowerCase()];
  return {
    ...(kind ? { kind } : {}),
    ...(subject.name ? { name: subject.name } : {}),
    ...(subject.namespace ? { namespace: subject.namespace } : {}),
  };
}

/** The object a question names in HolmesGPT's `<< {"type": "pod", ...} >>` form, when it does. */
export function scopeOfQuestion(question: string): Scope {
  const match = TARGET.exec(question)?.[1];
  if (!match) return {};
  const subject = Subject.safeParse(
    (() => {
      try {
        return JSON.parse(match);
      } catch {
        return undefined;
      }
    })(),
  );
  return subject.success ? scopeOf(subject.data) : {};
}

/** The question and the object of a case's input, whichever of its three shapes it has. */
export function readInput(input: unknown): { question: string; scope: Scope } | undefined {
  if (typeof input === 'string') return { question: input, scope: scopeOfQuestion(input) };
  const alert = AlertInput.safeParse(input);
  if (alert.success)
    return {
      question: `Investigate the alert "${alert.data['investigate_request.title']}"`,
      scope: scopeOf(alert.data.subject),
    };
  const health = HealthInput.safeParse(input);
  if (health.success)
    return {
      question: health.data.workload_health_request.ask,
      scope: scopeOf(health.data.workload_health_request.resource),
    };
  return undefined;
}

/** A recording: a JSON line naming the call, a JSON line of metadata, then the tool's output. */
function recordedOutput(text: string): string {
  const lines = text.split('\n');
  const metadata = JSON.parse(lines[1] ?? '{}') as { status?: string };
  const output = lines.slice(2).join('\n');
  return metadata.status === 'no_data' && !output.trim() ? '' : output;
}

/** The mocked cases of the corpus, with their recordings read. Live-only cases need a real cluster: left out. */
export async function loadHolmesCases(dir = HOLMES_CORPUS_DIR): Promise<HolmesCase[]> {
  const index = z
    .object({ cases: z.array(Case) })
    .parse(JSON.parse(await readFile(join(dir, 'INDEX.json'), 'utf8')));
  const cases: HolmesCase[] = [];
  for (const entry of index.cases.filter((c) => c.mode === 'mocked' && c.expected_output)) {
    const input = readInput(entry.input);
    if (!input) continue;
    const mocks = await Promise.all(
      (entry.mocks ?? []).map(async (mock) => ({
        tool: mock.tool_name,
        params: mock.match_params ?? {},
        output: recordedOutput(await readFile(join(dir, entry.path, mock.file), 'utf8')),
      })),
    );
    const expected = entry.expected_output ?? [];
    cases.push({
      name: entry.case,
      ...input,
      expected: typeof expected === 'string' ? [expected] : expected,
      mocks,
    });
  }
  return cases;
}
