import { type AgentOperation, ForbiddenOperationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { type OutputFormat, parseKubectl, parseKubectlArgs } from './parse-kubectl.ts';

function refusal(command: string): string {
  try {
    parseKubectl(command, { defaultNamespace: 'shop' });
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenOperationError);
    return (error as ForbiddenOperationError).userMessage;
  }
  throw new Error(`"${command}" was accepted`);
}

describe('parseKubectl', () => {
  describe('when the command is a read it supports', () => {
    it.each<[string, AgentOperation, OutputFormat?]>([
      ['kubectl get pods', { op: 'list', kind: 'pods', namespace: 'shop' }],
      ['get po -n payments', { op: 'list', kind: 'pods', namespace: 'payments' }],
      ['get pods --namespace=payments', { op: 'list', kind: 'pods', namespace: 'payments' }],
      ['get pods -npayments', { op: 'list', kind: 'pods', namespace: 'payments' }],
      ['get pods -A', { op: 'list', kind: 'pods' }],
      ['get pods --all-namespaces', { op: 'list', kind: 'pods' }],
      [
        'get pods -l app=web,tier!=db',
        { op: 'list', kind: 'pods', namespace: 'shop', labelSelector: 'app=web,tier!=db' },
      ],
      [
        'get pods -l "app in (web, api)"',
        { op: 'list', kind: 'pods', namespace: 'shop', labelSelector: 'app in (web, api)' },
      ],
      [
        'get pods --field-selector status.phase=Running,spec.nodeName=node-1',
        {
          op: 'list',
          kind: 'pods',
          namespace: 'shop',
          fieldSelector: 'status.phase=Running,spec.nodeName=node-1',
        },
      ],
      ['get pod web-1', { op: 'get', kind: 'pods', namespace: 'shop', name: 'web-1' }],
      ['get pods/web-1', { op: 'get', kind: 'pods', namespace: 'shop', name: 'web-1' }],
      ['get deploy web -o yaml', { op: 'get', kind: 'deployments', namespace: 'shop', name: 'web' }, 'yaml'],
      [
        'get deployment.apps/web -ojson',
        { op: 'get', kind: 'deployments', namespace: 'shop', name: 'web' },
        'json',
      ],
      ['get deployments.v1.apps web', { op: 'get', kind: 'deployments', namespace: 'shop', name: 'web' }],
      [
        'get hpa.autoscaling web',
        { op: 'get', kind: 'horizontalpodautoscalers', namespace: 'shop', name: 'web' },
      ],
      ['get pods -o wide', { op: 'list', kind: 'pods', namespace: 'shop' }, 'wide'],
      ['get pods --output=wide', { op: 'list', kind: 'pods', namespace: 'shop' }, 'wide'],
      ['get nodes', { op: 'list', kind: 'nodes' }],
      ['get no node-1 -n ignored', { op: 'get', kind: 'nodes', name: 'node-1' }],
      ['get Pods', { op: 'list', kind: 'pods', namespace: 'shop' }],
      ['-n payments get pods', { op: 'list', kind: 'pods', namespace: 'payments' }],
      ['get ev', { op: 'list', kind: 'events', namespace: 'shop' }],
      ['describe pod web-1', { op: 'describe', kind: 'pods', namespace: 'shop', name: 'web-1' }],
      ['describe node/node-1', { op: 'describe', kind: 'nodes', name: 'node-1' }],
      [
        'describe pvc data-db-0 -n db',
        { op: 'describe', kind: 'persistentvolumeclaims', namespace: 'db', name: 'data-db-0' },
      ],
      ['logs web-1', { op: 'logs', namespace: 'shop', pod: 'web-1' }],
      ['logs pod/web-1 -c app', { op: 'logs', namespace: 'shop', pod: 'web-1', container: 'app' }],
      ['logs web-1 app', { op: 'logs', namespace: 'shop', pod: 'web-1', container: 'app' }],
      [
        'logs web-1 -p --tail=50',
        { op: 'logs', namespace: 'shop', pod: 'web-1', previous: true, tailLines: 50 },
      ],
      [
        'logs web-1 --previous --tail 20',
        { op: 'logs', namespace: 'shop', pod: 'web-1', previous: true, tailLines: 20 },
      ],
      ['logs web-1 --tail=-1', { op: 'logs', namespace: 'shop', pod: 'web-1' }],
      ['logs web-1 --since=1h30m', { op: 'logs', namespace: 'shop', pod: 'web-1', sinceSeconds: 5400 }],
      ['events', { op: 'events', namespace: 'shop' }],
      ['events -A', { op: 'events' }],
      [
        'events --for pod/web-1',
        { op: 'events', namespace: 'shop', involvedObject: { kind: 'pods', name: 'web-1' } },
      ],
      [
        'events --for=deploy/web -n shop',
        { op: 'events', namespace: 'shop', involvedObject: { kind: 'deployments', name: 'web' } },
      ],
      ['top pods', { op: 'top', kind: 'pods', namespace: 'shop' }],
      ['top pod web-1', { op: 'top', kind: 'pods', namespace: 'shop', name: 'web-1' }],
      ['top po -A', { op: 'top', kind: 'pods' }],
      ['top nodes', { op: 'top', kind: 'nodes' }],
      ['top node node-1', { op: 'top', kind: 'nodes', name: 'node-1' }],
      [
        'rollout history deploy/web',
        { op: 'rolloutHistory', kind: 'deployments', namespace: 'shop', name: 'web' },
      ],
      [
        'rollout history sts db -n data',
        { op: 'rolloutHistory', kind: 'statefulsets', namespace: 'data', name: 'db' },
      ],
      ['cluster-info', { op: 'clusterInfo' }],
    ])('parses "%s"', (command, operation, output = 'table') => {
      expect(parseKubectl(command, { defaultNamespace: 'shop' })).toEqual({ operation, output });
    });

    it.each([
      ['po', 'pods'],
      ['sts', 'statefulsets'],
      ['ds', 'daemonsets'],
      ['rs', 'replicasets'],
      ['svc', 'services'],
      ['ep', 'endpoints'],
      ['ing', 'ingresses'],
      ['cm', 'configmaps'],
      ['pvc', 'persistentvolumeclaims'],
      ['pv', 'persistentvolumes'],
      ['sc', 'storageclasses'],
      ['ns', 'namespaces'],
      ['hpa', 'horizontalpodautoscalers'],
      ['pdb', 'poddisruptionbudgets'],
      ['netpol', 'networkpolicies'],
      ['quota', 'resourcequotas'],
      ['limits', 'limitranges'],
      ['job', 'jobs'],
      ['cj', 'cronjobs'],
      ['cronjob', 'cronjobs'],
    ])('resolves the alias %s to %s', (alias, kind) => {
      expect(parseKubectl(`get ${alias}`).operation).toMatchObject({ op: 'list', kind });
    });

    it('uses "default" when no namespace is known', () => {
      expect(parseKubectl('get pods').operation).toEqual({ op: 'list', kind: 'pods', namespace: 'default' });
    });

    it('accepts argv words with spaces intact', () => {
      expect(parseKubectlArgs(['get', 'pods', '-l', 'app in (a,b)']).operation).toMatchObject({
        labelSelector: 'app in (a,b)',
      });
    });
  });

  describe('when the command could change the cluster or escape the agent', () => {
    it.each([
      ['apply -f deploy.yaml', 'changes the cluster'],
      ['create deployment x --image=nginx', 'changes the cluster'],
      ['delete pod web-1', 'changes the cluster'],
      ['edit deploy web', 'changes the cluster'],
      ['patch deploy web -p {}', 'changes the cluster'],
      ['replace -f x.yaml', 'changes the cluster'],
      ['scale deploy web --replicas=0', 'changes the cluster'],
      ['rollout restart deploy/web', 'only "rollout history" is read-only'],
      ['rollout undo deploy/web', 'only "rollout history" is read-only'],
      ['label pod web-1 a=b', 'changes the cluster'],
      ['annotate pod web-1 a=b', 'changes the cluster'],
      ['cordon node-1', 'changes the cluster'],
      ['drain node-1', 'changes the cluster'],
      ['taint nodes node-1 k=v:NoSchedule', 'changes the cluster'],
      ['set image deploy/web web=nginx', 'changes the cluster'],
      ['exec -it web-1 -- sh', 'runs commands'],
      ['attach web-1', 'runs commands'],
      ['cp web-1:/etc/passwd ./x', 'runs commands'],
      ['run shell --image=busybox', 'runs commands'],
      ['debug node/node-1', 'runs commands'],
      ['port-forward svc/web 8080:80', 'network access'],
      ['proxy', 'network access'],
      ['auth can-i get secrets', 'credentials'],
      ['config view --raw', 'kubeconfig'],
      ['frobnicate pods', 'not a command'],
    ])('refuses "%s"', (command, reason) => {
      const message = refusal(command);
      expect(message).toContain(reason);
      expect(message).toContain('Allowed: get, describe, logs');
    });

    it.each([
      'get pods --kubeconfig=/root/.kube/admin',
      'get pods --token abc',
      'get pods --as system:admin',
      'get pods --as-group system:masters',
      'get pods --server https://evil:6443',
      'get pods -s https://evil:6443',
      'get pods --context prod',
      'get pods --user admin',
      'get pods --certificate-authority /tmp/ca',
      'get pods --insecure-skip-tls-verify',
    ])('refuses the identity flag in "%s"', (command) => {
      expect(refusal(command)).toContain('the agent always uses its own read-only credentials');
    });

    it.each([
      'get secrets',
      'get secret db-creds',
      'get Secrets',
      'get SECRET/db',
      'get secrets.v1 db',
      'describe secret db-creds',
      'get pods,secrets',
      'events --for secret/db-creds',
    ])('refuses secrets in "%s"', (command) => {
      expect(refusal(command)).toContain('Secrets are never read');
    });

    it.each([
      ['get pods; rm -rf /', '";"'],
      ['get pods | grep web', '"|"'],
      ['get pods && echo hi', '"&"'],
      ['get pods $(whoami)', '"$"'],
      ['get pods `id`', '"`"'],
      ['get pods > /tmp/out', '">"'],
      ['get pods < /tmp/in', '"<"'],
      ['get pods\ndelete pod x', 'a line break'],
      ['get pods \\', '"\\"'],
    ])('refuses the shell syntax in %j', (command, shown) => {
      expect(refusal(command)).toContain(`the command contains ${shown}`);
    });

    it('refuses metacharacters hidden in an argv word too', () => {
      expect(() => parseKubectlArgs(['get', 'pods', '-l', 'a=b;c'])).toThrow(ForbiddenOperationError);
    });
  });

  describe('when the command is a read it cannot serve as asked', () => {
    it.each([
      ['get pods -o jsonpath={.items}', '-o wide, -o yaml or -o json'],
      ['get pods -o go-template={{.}}', '-o wide, -o yaml or -o json'],
      ['get pods -o name', '-o wide, -o yaml or -o json'],
      ['get pods -w', 'streams'],
      ['logs web-1 -f', 'streams'],
      ['get pods --show-kind', '--show-kind is not supported for get'],
      ['describe pods', 'describe needs a name'],
      ['describe pod web-1 -l app=web', '-l is not supported for describe'],
      ['get pod web-1 -A', 'cannot be read by name across all namespaces'],
      ['get pod web-1 -l app=web', 'cannot be combined'],
      ['get pod a b', 'one object at a time'],
      ['get pods,svc', 'one resource type at a time'],
      ['get all', 'not a resource type'],
      ['get crontabs.stable.example.com', 'not a resource type'],
      ['get pods.apps', 'not a resource type'],
      ['logs deploy/web', 'logs reads one pod'],
      ['logs web-1 --tail=abc', '--tail needs a positive whole number'],
      ['logs web-1 --since=yesterday', '--since needs a duration'],
      ['top deployments', 'top reads pods or nodes'],
      ['top pods -l app=web', '-l is not supported for top'],
      ['events --for pod', '--for needs <kind>/<name>'],
      ['rollout history svc/web', 'rollout history reads deployments'],
      ['cluster-info dump', 'takes no arguments'],
      ['get pods -n', '-n needs a value'],
      ['get', 'get needs a resource type'],
      ['kubectl', 'no command given'],
      ['get pods -l "app=web', 'unclosed " quote'],
    ])('refuses "%s" and says how to ask instead', (command, hint) => {
      expect(refusal(command)).toContain(hint);
    });
  });
});
