import { accessModes } from '../kube/access-modes.ts';
import type { KubeObject } from '../kube/kube-types.ts';
import { type Describer, writeMetadata } from './describe-context.ts';
import { createDescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events-section.ts';

type Claim = KubeObject & {
  spec?: {
    storageClassName?: string;
    volumeName?: string;
    accessModes?: string[];
    volumeMode?: string;
    resources?: { requests?: Record<string, string> };
  };
  status?: { phase?: string; capacity?: Record<string, string>; accessModes?: string[] };
};

/** `kubectl describe pvc`: class, phase, bound volume, capacity, access modes, events (why it is Pending). */
export const describePersistentVolumeClaim: Describer = (object, related, now) => {
  const claim = object as Claim;
  const w = createDescribeWriter();
  writeMetadata(w, claim);
  w.row(0, 'StorageClass:', claim.spec?.storageClassName ?? '');
  w.row(0, 'Status:', claim.status?.phase ?? '');
  w.row(0, 'Volume:', claim.spec?.volumeName ?? '');
  w.row(0, 'Capacity:', claim.status?.capacity?.storage ?? '');
  w.row(0, 'Requested:', claim.spec?.resources?.requests?.storage ?? '');
  w.row(0, 'Access Modes:', accessModes(claim.status?.accessModes ?? claim.spec?.accessModes));
  w.row(0, 'VolumeMode:', claim.spec?.volumeMode ?? 'Filesystem');
  writeEvents(w, related.events, now);
  return w.render();
};
