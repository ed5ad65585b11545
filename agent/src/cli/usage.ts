/** The CLI's help text. */
export const USAGE = `opsworker-agent — the OpsWorker in-cluster agent (read-only)

Usage:
  opsworker-agent exec [options] -- <kubectl-style command>
      Runs one read-only command against the current kubeconfig (KUBECONFIG,
      ~/.kube/config or the in-cluster service account) and prints kubectl-like text.
      Commands: get, describe, logs, events, top, rollout history, cluster-info.
      Options:
        --audit-log <file|->       write an audit line per operation (- for stderr)
        --timeout <ms>             operation time budget (default 20000)
        --configmap-values <pat>   allow ConfigMap values for namespace/name patterns
                                   (repeatable, * matches anything; default none)
      Exit status: 0 ok, 1 error, 2 refused (writes, exec, secrets, other flags).
  opsworker-agent run [options]
      Runs the agent: long-polls its request queue and answers on the response queue.
  opsworker-agent version
  opsworker-agent --help

Examples:
  opsworker-agent exec -- get pods -n shop -o wide
  opsworker-agent exec -- logs web-7d9f8c6b5-x2x4k -n shop --previous --tail 100
  opsworker-agent exec -- describe deployment web -n shop
`;
