import { describe, expect, it } from 'vitest';
import { shopContext } from '../fixtures/operation-context.ts';
import { runDescribe } from '../operations/describe.ts';

const describePodText = async () =>
  (
    await runDescribe(
      { op: 'describe', kind: 'pods', namespace: 'shop', name: 'web-7d9f8c6b5-x2x4k' },
      shopContext(),
    )
  ).result as string;

describe('describePod', () => {
  describe('when the pod is crash looping', () => {
    it('renders it the way kubectl describe does', async () => {
      expect(await describePodText()).toBe(`Name:             web-7d9f8c6b5-x2x4k
Namespace:        shop
Priority:         0
Service Account:  web
Node:             node-1/10.0.0.11
Start Time:       Mon, 24 Nov 2025 09:30:05 +0000
Labels:           app=web
                  pod-template-hash=7d9f8c6b5
Annotations:      <none>
Status:           Running
IP:               10.244.1.22
IPs:
  IP:           10.244.1.22
Controlled By:  ReplicaSet/web-7d9f8c6b5
Containers:
  web:
    Container ID:   containerd://5b7a9c1e3f5d
    Image:          ghcr.io/acme/web:1.4.3
    Image ID:       ghcr.io/acme/web@sha256:9b2a4c6e8f0d1b3a5c7e9f1d3b5a7c9e1f3d5b7a9c1e3f5d7b9a1c3e5f7d9b1a3
    Port:           8080/TCP
    Args:           --listen :8080 --api-token tok-live-8a7b6c5d4e3f
    State:          Waiting
      Reason:       CrashLoopBackOff
      Message:      back-off 2m40s restarting failed container=web
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Mon, 24 Nov 2025 09:55:00 +0000
      Finished:     Mon, 24 Nov 2025 09:55:02 +0000
    Ready:          False
    Restart Count:  5
    Limits:
      memory:  512Mi
    Requests:
      cpu:     250m
      memory:  256Mi
    Liveness:  http-get http://:8080/healthz delay=10s timeout=1s period=10s #success=1 #failure=3
    Environment:
      DB_HOST:      db.shop.svc.cluster.local
      DB_PASSWORD:  <set to the key 'password' in secret 'db-creds'>  Optional: false
      API_TOKEN:    tok-live-8a7b6c5d4e3f
    Mounts:
      /etc/web from config (ro)
Conditions:
  Type             Status
  Initialized      True
  Ready            False
  ContainersReady  False
  PodScheduled     True
Volumes:
  config:
    Type:        ConfigMap (a volume populated by a ConfigMap)
    Name:        web-config
    Optional:    false
QoS Class:       Burstable
Node-Selectors:  <none>
Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                From               Message
  ----     ------     ----               ----               -------
  Normal   Scheduled  29m                default-scheduler  Successfully assigned shop/web-7d9f8c6b5-x2x4k to node-1
  Normal   Pulled     5m (x6 over 29m)   kubelet            Container image "ghcr.io/acme/web:1.4.3" already present on machine
  Warning  BackOff    2m (x10 over 29m)  kubelet            Back-off restarting failed container web in pod web-7d9f8c6b5-x2x4k_shop(pod-web-x2x4k-uid)
`);
    });

    // The describe text is built before redaction: the executor redacts it (see agent-executor tests);
    // here we only check the secret reference is named and its value never looked up.
    it('names the secret behind an env var without reading it', async () => {
      expect(await describePodText()).toContain(
        "DB_PASSWORD:  <set to the key 'password' in secret 'db-creds'>",
      );
    });
  });
});
