import type { Container, PodTemplate } from '@opsworker/agent/kube/kube-types.ts';

/**
 * What changed between two pod templates, in the words a reviewer uses: `image checkout
 * v3.1.4 → v3.2.0`, `env PAYMENT_TIMEOUT changed`. Env values are never shown: they may hold
 * secrets, and the name is what a human needs to find the change.
 */
export function templateChanges(before: PodTemplate | undefined, after: PodTemplate | undefined): string[] {
  const changes: string[] = [];
  const old = new Map((before?.spec?.containers ?? []).map((c) => [c.name, c]));
  for (const container of after?.spec?.containers ?? []) {
    const previous = old.get(container.name);
    if (!previous) {
      changes.push(`container ${container.name} added`);
      continue;
    }
    changes.push(...containerChanges(previous, container));
  }
  return changes;
}

function containerChanges(before: Container, after: Container): string[] {
  const changes: string[] = [];
  if (before.image !== after.image) {
    const [repo, oldTag] = splitImage(before.image ?? '');
    const [newRepo, newTag] = splitImage(after.image ?? '');
    changes.push(
      repo === newRepo ? `image ${repo} ${oldTag} → ${newTag}` : `image ${before.image} → ${after.image}`,
    );
  }
  const oldEnv = new Map((before.env ?? []).map((e) => [e.name, JSON.stringify(e.value ?? e.valueFrom)]));
  const newEnv = new Map((after.env ?? []).map((e) => [e.name, JSON.stringify(e.value ?? e.valueFrom)]));
  for (const [name, value] of newEnv) {
    if (!oldEnv.has(name)) changes.push(`env ${name} added`);
    else if (oldEnv.get(name) !== value) changes.push(`env ${name} changed`);
  }
  for (const name of oldEnv.keys()) if (!newEnv.has(name)) changes.push(`env ${name} removed`);
  if (JSON.stringify(before.resources ?? {}) !== JSON.stringify(after.resources ?? {}))
    changes.push(`resources of ${after.name} changed`);
  if (JSON.stringify([before.command, before.args]) !== JSON.stringify([after.command, after.args])) {
    changes.push(`command/args of ${after.name} changed`);
  }
  return changes;
}

/** `ghcr.io/acme/checkout:v3.2.0` → [`ghcr.io/acme/checkout`, `v3.2.0`]; a digest or no tag stays whole. */
function splitImage(image: string): [string, string] {
  const at = image.lastIndexOf(':');
  if (at <= image.lastIndexOf('/')) return [image, 'latest'];
  return [image.slice(0, at), image.slice(at + 1)];
}
