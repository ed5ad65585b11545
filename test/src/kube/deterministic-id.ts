import { createHash } from 'node:crypto';

/** A UUID-shaped uid that is always the same for the same seed, so reloads keep identities. */
export function deterministicUid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A containerd container id, stable for the same seed. */
export function deterministicContainerId(seed: string): string {
  return `containerd://${createHash('sha256').update(seed).digest('hex')}`;
}

/** A stable lower-case alphanumeric suffix like the ones Kubernetes generates (`-7d9f8b6c5d`, `-x2k9p`). */
export function deterministicSuffix(seed: string, length: number): string {
  // Kubernetes avoids vowels and look-alike characters in generated names.
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const bytes = createHash('sha256').update(seed).digest();
  let suffix = '';
  for (let i = 0; i < length; i++) suffix += alphabet[(bytes[i] ?? 0) % alphabet.length];
  return suffix;
}
