import { type CloudCore, createCloudCore } from './cloud-core.ts';
import { cloudConfig } from './config.ts';

/**
 * Built at a container's first invocation and reused by the ones after it (clients, cached
 * secrets and agent transports survive between invocations). A failed build is not kept, so the
 * next invocation tries again and reports the same clear error.
 */
export function perContainer<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () => {
    if (!built) {
      built = build();
      built.catch(() => {
        built = undefined;
      });
    }
    return built;
  };
}

/** The shared adapters only: what agent registration and the digest need. */
export const containerCore: () => Promise<CloudCore> = perContainer(async () =>
  createCloudCore(cloudConfig()),
);
