/** A finished container run, with times relative to load time ("-3m12s"). */
export interface Termination {
  reason: string;
  exitCode: number;
  startedAt: string;
  finishedAt: string;
  message?: string;
  signal?: number;
}

/** What a container is doing now, in the words of its status. */
export type RunState =
  | { kind: 'running'; startedAt: string; ready?: boolean; restarts?: number; last?: Termination }
  | { kind: 'crashloop'; restarts: number; last: Termination; backoff?: string }
  | { kind: 'waiting'; reason: string; message?: string; restarts?: number; last?: Termination }
  | { kind: 'terminated'; termination: Termination; restarts?: number; last?: Termination };

/** Running since `startedAt`, ready unless told otherwise. */
export function running(
  startedAt: string,
  extra: { ready?: boolean; restarts?: number; last?: Termination } = {},
): RunState {
  return { kind: 'running', startedAt, ...extra };
}

/** Waiting in CrashLoopBackOff after `restarts` restarts, the last run ending as `last`. */
export function crashLoop(restarts: number, last: Termination, backoff = '5m0s'): RunState {
  return { kind: 'crashloop', restarts, last, backoff };
}

/** Waiting with a reason such as ImagePullBackOff, CreateContainerConfigError or ContainerCreating. */
export function waiting(
  reason: string,
  message?: string,
  extra: { restarts?: number; last?: Termination } = {},
): RunState {
  return { kind: 'waiting', reason, ...(message ? { message } : {}), ...extra };
}

/** Finished (for jobs and init containers). */
export function terminated(
  termination: Termination,
  extra: { restarts?: number; last?: Termination } = {},
): RunState {
  return { kind: 'terminated', termination, ...extra };
}

/** A run that exited with `exitCode` (reason Error, or Completed for 0). */
export function exited(exitCode: number, startedAt: string, finishedAt: string): Termination {
  return { reason: exitCode === 0 ? 'Completed' : 'Error', exitCode, startedAt, finishedAt };
}

/** A run the kernel OOM killer ended (exit code 137). */
export function oomKilled(startedAt: string, finishedAt: string): Termination {
  return { reason: 'OOMKilled', exitCode: 137, startedAt, finishedAt };
}

/** True when the state has ever run (a process existed), so the pod left Pending. */
export function hasRun(state: RunState): boolean {
  return (
    state.kind === 'running' ||
    state.kind === 'terminated' ||
    state.kind === 'crashloop' ||
    Boolean(state.last)
  );
}

/** True when the container is up and passing readiness. */
export function isReady(state: RunState): boolean {
  return state.kind === 'running' && state.ready !== false;
}

/** Renders the status's `state`, `lastState`, `ready`, `restartCount` and `started` fields. */
export function renderState(
  state: RunState,
  context: { container: string; pod: string; namespace: string; podUid: string },
): Record<string, unknown> {
  const last = state.last;
  const lastState = last ? { terminated: renderTermination(last) } : {};
  const restartCount = state.kind === 'crashloop' ? state.restarts : (state.restarts ?? 0);
  switch (state.kind) {
    case 'running':
      return {
        state: { running: { startedAt: state.startedAt } },
        lastState,
        ready: state.ready !== false,
        restartCount,
        started: true,
      };
    case 'crashloop':
      return {
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off ${state.backoff ?? '5m0s'} restarting failed container=${context.container} pod=${context.pod}_${context.namespace}(${context.podUid})`,
          },
        },
        lastState,
        ready: false,
        restartCount,
        started: false,
      };
    case 'waiting':
      return {
        state: { waiting: { reason: state.reason, ...(state.message ? { message: state.message } : {}) } },
        lastState,
        ready: false,
        restartCount,
        started: false,
      };
    case 'terminated':
      return {
        state: { terminated: renderTermination(state.termination) },
        lastState,
        ready: false,
        restartCount,
        started: false,
      };
  }
}

function renderTermination(t: Termination): Record<string, unknown> {
  return {
    exitCode: t.exitCode,
    ...(t.signal ? { signal: t.signal } : {}),
    reason: t.reason,
    ...(t.message ? { message: t.message } : {}),
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
  };
}
