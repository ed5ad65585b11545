import type { Confidence } from '@opsworker/shared';
import type { Dependency } from './dependency-service.ts';
import type { LogSignal } from './log-signals.ts';

/** What a crash loop comes down to, in the shared vocabulary, and how to say it. */
export interface CrashCause {
  category: string;
  /** One clause, conclusion first, without the final full stop. */
  statement: string;
  confidence: Confidence;
  facts: string[];
}

export interface CrashInput {
  /** `deployment/checkout` */
  workload: string;
  container: string;
  exitCode: number | undefined;
  signal: LogSignal | undefined;
  dependency: Dependency | undefined;
}

function exitText(exitCode: number | undefined): string {
  return exitCode === undefined ? 'exits' : `exits with code ${exitCode}`;
}

function dependencyCause(input: CrashInput, signal: LogSignal): CrashCause {
  const { dependency } = input;
  const failure = signal.kind === 'timeout' ? 'times out' : 'refuses connections';
  const facts = [signal.line];
  if (!dependency) {
    return {
      category: 'crash_loop_dependency',
      statement: `${input.workload} crash-loops because a dependency ${failure}: container ${input.container} ${exitText(input.exitCode)} after "${signal.line}"`,
      confidence: 'medium',
      facts,
    };
  }
  const why = dependency.down
    ? `; Service ${dependency.name} has no ready endpoints because ${dependency.down.reason}`
    : `; Service ${dependency.name} has ${dependency.readyEndpoints} ready endpoints`;
  return {
    category: 'crash_loop_dependency',
    statement: `${input.workload} crash-loops because its dependency ${dependency.name} ${failure}: container ${input.container} ${exitText(input.exitCode)} after "${signal.line}"${why}`,
    confidence: dependency.down ? 'high' : 'medium',
    facts: [...facts, dependency.name],
  };
}

const BY_SIGNAL: Record<string, { category: string; because: string }> = {
  config: { category: 'crash_loop_config', because: 'of its configuration' },
  permission: { category: 'crash_loop_permission', because: 'of a permission error' },
  dns: { category: 'crash_loop_dependency', because: 'it cannot resolve a host name' },
  disk_full: { category: 'crash_loop_panic', because: 'its disk is full' },
  oom: { category: 'oom_killed', because: 'it runs out of memory' },
  panic: { category: 'crash_loop_panic', because: 'of a crash in its code' },
};

/** Exit codes that say something on their own: 126 not executable, 127 not found, 128+n a signal. */
function byExitCode(input: CrashInput): CrashCause {
  const { exitCode } = input;
  const base = `${input.workload} crash-loops: container ${input.container} ${exitText(exitCode)}`;
  if (exitCode === 126) {
    return {
      category: 'crash_loop_permission',
      statement: `${base} (its command cannot be executed)`,
      confidence: 'medium',
      facts: ['exit code 126'],
    };
  }
  if (exitCode === 127) {
    return {
      category: 'crash_loop_config',
      statement: `${base} (its command is not found)`,
      confidence: 'medium',
      facts: ['exit code 127'],
    };
  }
  return {
    category: 'crash_loop_panic',
    statement: `${base} and its logs do not say why`,
    confidence: 'low',
    facts: exitCode === undefined ? [] : [`exit code ${exitCode}`],
  };
}

/** Classifies a crash loop from the strongest log signal, falling back to the exit code. */
export function classifyCrash(input: CrashInput): CrashCause {
  const { signal } = input;
  if (!signal) return byExitCode(input);
  if (signal.kind === 'refused' || signal.kind === 'timeout') return dependencyCause(input, signal);
  const rule = BY_SIGNAL[signal.kind] ?? { category: 'crash_loop_panic', because: 'of an error' };
  const subject = signal.kind === 'dns' && signal.subject ? ` ${signal.subject}` : '';
  return {
    category: rule.category,
    statement: `${input.workload} crash-loops because ${rule.because}${subject ? ` (${subject.trim()})` : ''}: container ${input.container} ${exitText(input.exitCode)} after "${signal.line}"`,
    confidence: rule.category === 'oom_killed' ? 'medium' : 'high',
    facts: [signal.line, ...(signal.subject ? [signal.subject] : [])],
  };
}
