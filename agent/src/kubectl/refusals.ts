import { ForbiddenOperationError } from '@opsworker/shared';

/** What the agent does accept, appended to every refusal so the user can rephrase. */
export const ALLOWED_SUMMARY =
  'Allowed: get, describe, logs, events, top, rollout history and cluster-info, with -n/--namespace, -A, -l/--selector, --field-selector, -o wide|yaml|json, -c/--container, -p/--previous, --tail, --since and --for.';

const WRITE = 'changes the cluster, and OpsWorker only reads';
const INSIDE = 'runs commands or moves files inside the cluster, and OpsWorker only reads';

/** Verbs refused outright, with the reason in words a user understands. */
const REFUSED_VERBS: Record<string, string> = {
  apply: WRITE,
  create: WRITE,
  delete: WRITE,
  edit: WRITE,
  patch: WRITE,
  replace: WRITE,
  scale: WRITE,
  autoscale: WRITE,
  label: WRITE,
  annotate: WRITE,
  cordon: WRITE,
  uncordon: WRITE,
  drain: WRITE,
  taint: WRITE,
  set: WRITE,
  expose: WRITE,
  rollout: WRITE,
  certificate: WRITE,
  exec: INSIDE,
  attach: INSIDE,
  cp: INSIDE,
  run: INSIDE,
  debug: INSIDE,
  'port-forward': 'opens network access into the cluster',
  proxy: 'opens network access into the cluster',
  auth: 'concerns credentials and permissions',
  config: 'reads and changes kubeconfig credentials',
  plugin: 'runs local programs',
  kustomize: 'renders manifests for writing',
  wait: 'blocks on changes instead of reading once',
};

/** Flags that would change who the agent is or which cluster it talks to. */
const IDENTITY_FLAGS = new Set([
  '--kubeconfig',
  '--token',
  '--as',
  '--as-group',
  '--as-uid',
  '--server',
  '-s',
  '--context',
  '--user',
  '--cluster',
  '--certificate-authority',
  '--client-certificate',
  '--client-key',
  '--insecure-skip-tls-verify',
  '--username',
  '--password',
  '--tls-server-name',
]);

/** Refusal for a verb the agent does not run. */
export function refuseVerb(verb: string): ForbiddenOperationError {
  const reason = REFUSED_VERBS[verb];
  const text = reason ? `"kubectl ${verb}" ${reason}.` : `"${verb}" is not a command OpsWorker runs.`;
  return new ForbiddenOperationError(`refused verb ${verb}`, {
    userMessage: `Refused: ${text} ${ALLOWED_SUMMARY}`,
  });
}

const STREAMING_FLAGS = new Set(['-w', '--watch', '--watch-only', '-f', '--follow']);

/** Refusal for a flag, naming it; identity and streaming flags get their own reasons. */
export function refuseFlag(flag: string, verb: string): ForbiddenOperationError {
  const text = IDENTITY_FLAGS.has(flag)
    ? `${flag} is not allowed: the agent always uses its own read-only credentials and cluster.`
    : STREAMING_FLAGS.has(flag)
      ? `${flag} streams, and the agent answers once; run the command again for fresh output.`
      : `${flag} is not supported for ${verb}.`;
  return new ForbiddenOperationError(`refused flag ${flag}`, {
    userMessage: `Refused: ${text} ${ALLOWED_SUMMARY}`,
  });
}

/** Refusal for a well-formed request the agent cannot serve as asked, with how to ask instead. */
export function refuseUsage(message: string): ForbiddenOperationError {
  return new ForbiddenOperationError(message, { userMessage: `Refused: ${message} ${ALLOWED_SUMMARY}` });
}
