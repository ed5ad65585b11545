import { describe, expect, it } from 'vitest';
import { shopContext } from '../fixtures/operation-context.ts';
import { SHOP_NOW } from '../fixtures/shop-cluster.ts';
import { parseKubectl } from '../kubectl/parse-kubectl.ts';
import { runOperation } from '../operations/operations.ts';
import { formatResult } from './format-result.ts';

async function print(command: string, cluster = {}) {
  const parsed = parseKubectl(command, { defaultNamespace: 'shop' });
  const { result } = await runOperation(parsed.operation, shopContext(cluster));
  return formatResult(parsed, result, { now: SHOP_NOW });
}

describe('formatResult', () => {
  describe('when printing tables', () => {
    it.each([
      [
        'get pods',
        [
          'NAME                    READY   STATUS             RESTARTS        AGE',
          'web-7d9f8c6b5-x2x4k     0/1     CrashLoopBackOff   5 (4m58s ago)   29m',
          'web-7d9f8c6b5-q8w7e     1/1     Running            0               29m',
          'backup-29012345-abcde   0/1     Error              0               8h',
        ],
      ],
      [
        'get pods -o wide -l app=web',
        [
          'NAME                  READY   STATUS             RESTARTS        AGE   IP            NODE     NOMINATED NODE   READINESS GATES',
          'web-7d9f8c6b5-x2x4k   0/1     CrashLoopBackOff   5 (4m58s ago)   29m   10.244.1.22   node-1   <none>           <none>',
          'web-7d9f8c6b5-q8w7e   1/1     Running            0               29m   10.244.1.23   node-1   <none>           <none>',
        ],
      ],
      [
        'get deploy',
        ['NAME   READY   UP-TO-DATE   AVAILABLE   AGE', 'web    1/2     2            1           4d'],
      ],
      [
        'get rs',
        [
          'NAME            DESIRED   CURRENT   READY   AGE',
          'web-7d9f8c6b5   2         2         1       30m',
          'web-5c6d7e8f9   0         0         0       4d',
        ],
      ],
      ['get sts', ['NAME   READY   AGE', 'db     0/1     54d']],
      [
        'get jobs',
        [
          'NAME              STATUS   COMPLETIONS   DURATION   AGE',
          'backup-29012345   Failed   0/1           8h         8h',
        ],
      ],
      [
        'get cj',
        [
          'NAME     SCHEDULE    TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE',
          'backup   0 2 * * *   <none>     False     0        8h              23d',
        ],
      ],
      [
        'get svc',
        [
          'NAME   TYPE        CLUSTER-IP    EXTERNAL-IP   PORT(S)   AGE',
          'web    ClusterIP   10.96.14.22   <none>        80/TCP    4d',
        ],
      ],
      [
        'get nodes',
        [
          'NAME     STATUS                       ROLES    AGE   VERSION',
          'node-1   Ready                        worker   54d   v1.31.2',
          'node-2   Unknown,SchedulingDisabled   <none>   54d   v1.31.2',
        ],
      ],
      [
        'get pvc',
        [
          'NAME        STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
          // A Pending claim has no access modes in its status yet, so kubectl leaves the column empty.
          'data-db-0   Pending                                      fast-ssd       <unset>                 60m',
        ],
      ],
      [
        'get hpa',
        [
          'NAME   REFERENCE        TARGETS        MINPODS   MAXPODS   REPLICAS   AGE',
          'web    Deployment/web   cpu: 95%/70%   2         2         2          4d',
        ],
      ],
      [
        'get cm',
        ['NAME               DATA   AGE', 'web-config         3      4d', 'kube-root-ca.crt   1      54d'],
      ],
      ['get ns', ['NAME   STATUS   AGE', 'shop   Active   54d']],
      ['get endpoints', ['NAME   AGE', 'web    4d']],
    ])('prints "%s" with kubectl\'s columns', async (command, lines) => {
      expect(await print(command)).toBe(`${lines.join('\n')}\n`);
    });

    it('adds a NAMESPACE column across all namespaces', async () => {
      expect((await print('get deploy -A')).split('\n')[0]).toBe(
        'NAMESPACE   NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
      );
    });

    it('says so when nothing matches', async () => {
      expect(await print('get pods -l app=none')).toBe('No resources found in shop namespace.\n');
    });

    it('prints node columns with -o wide', async () => {
      expect((await print('get no -o wide')).split('\n')[1]).toContain(
        '10.0.0.11     <none>        Ubuntu 24.04.1 LTS   6.8.0-48-generic   containerd://1.7.22',
      );
    });

    it('prints events newest last', async () => {
      const lines = (await print('events --for pod/web-7d9f8c6b5-x2x4k')).trimEnd().split('\n');
      expect(lines[0]).toBe('LAST SEEN   TYPE      REASON      OBJECT                    MESSAGE');
      expect(lines.at(-1)).toMatch(
        /^2m\s+Warning\s+BackOff\s+pod\/web-7d9f8c6b5-x2x4k\s+Back-off restarting/,
      );
    });

    it.each([
      [
        'top pods',
        'NAME                  CPU(cores)   MEMORY(bytes)\nweb-7d9f8c6b5-q8w7e   238m         301Mi\nweb-7d9f8c6b5-x2x4k   1m           12Mi\n',
      ],
      [
        'top nodes',
        'NAME     CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)\nnode-1   1960m        50%      7680Mi          50%\n',
      ],
    ])('prints "%s" like kubectl top', async (command, text) => {
      expect(await print(command)).toBe(text);
    });

    it('prints rollout history with the current revision marked', async () => {
      expect(await print('rollout history deploy/web')).toBe(
        'deployment/web\nREVISION   CHANGE-CAUSE            IMAGES                   READY   AGE\n1          <none>                  ghcr.io/acme/web:1.4.2   0/0     4d\n2*         image bumped to 1.4.3   ghcr.io/acme/web:1.4.3   1/2     30m\n',
      );
    });
  });

  describe('when printing documents', () => {
    it('wraps a list as kind: List for -o json', async () => {
      const document = JSON.parse(await print('get deploy -o json'));
      expect(document).toMatchObject({
        apiVersion: 'v1',
        kind: 'List',
        items: [{ kind: 'Deployment', metadata: { name: 'web' } }],
      });
    });

    it('prints one object as YAML for -o yaml', async () => {
      const yaml = await print('get svc web -o yaml');
      expect(yaml.startsWith('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n')).toBe(true);
      expect(yaml).toContain('  ports:\n  - name: http\n    port: 80\n');
    });
  });

  describe('when printing text results', () => {
    it('prints logs as they are', async () => {
      expect(await print('logs web-7d9f8c6b5-q8w7e')).toBe('ready\n');
    });
  });
});
