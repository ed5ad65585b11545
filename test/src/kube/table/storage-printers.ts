import type { KubeObject } from '../types.ts';
import { accessModes } from './format.ts';
import { since } from './human-duration.ts';
import { column, type TablePrinter } from './printer.ts';

interface ClaimShape {
  metadata: { deletionTimestamp?: string };
  spec?: {
    volumeName?: string;
    storageClassName?: string;
    volumeMode?: string;
    volumeAttributesClassName?: string;
    accessModes?: string[];
    capacity?: { storage?: string };
    persistentVolumeReclaimPolicy?: string;
    claimRef?: { namespace?: string; name?: string };
  };
  status?: { phase?: string; reason?: string; accessModes?: string[]; capacity?: { storage?: string } };
}

interface StorageClassShape {
  provisioner?: string;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  allowVolumeExpansion?: boolean;
}

const age = (o: KubeObject, now: Date) => since(o.metadata.creationTimestamp, now);
const claim = (o: KubeObject) => o as unknown as ClaimShape;
const phase = (o: KubeObject) =>
  claim(o).metadata.deletionTimestamp ? 'Terminating' : (claim(o).status?.phase ?? '');

/** `kubectl get pvc`: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE. */
export const claimPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Status'),
    column('Volume'),
    column('Capacity'),
    column('Access Modes'),
    column('StorageClass'),
    column('VolumeAttributesClass'),
    column('Age'),
    column('VolumeMode', 'string', 1),
  ],
  row: (o, now) => {
    const { spec, status } = claim(o);
    const bound = Boolean(spec?.volumeName);
    return [
      o.metadata.name,
      phase(o),
      spec?.volumeName ?? '',
      bound ? (status?.capacity?.storage ?? '') : '',
      bound ? accessModes(status?.accessModes) : '',
      spec?.storageClassName ?? '',
      spec?.volumeAttributesClassName ?? '<unset>',
      age(o, now),
      spec?.volumeMode ?? '<unset>',
    ];
  },
};

/** `kubectl get pv`: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS ... AGE. */
export const volumePrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Capacity'),
    column('Access Modes'),
    column('Reclaim Policy'),
    column('Status'),
    column('Claim'),
    column('StorageClass'),
    column('VolumeAttributesClass'),
    column('Reason'),
    column('Age'),
    column('VolumeMode', 'string', 1),
  ],
  row: (o, now) => {
    const { spec, status } = claim(o);
    const ref = spec?.claimRef;
    return [
      o.metadata.name,
      spec?.capacity?.storage ?? '',
      accessModes(spec?.accessModes),
      spec?.persistentVolumeReclaimPolicy ?? 'Delete',
      phase(o),
      ref?.name ? `${ref.namespace ?? ''}/${ref.name}` : '',
      spec?.storageClassName ?? '',
      spec?.volumeAttributesClassName ?? '<unset>',
      status?.reason ?? '',
      age(o, now),
      spec?.volumeMode ?? '<unset>',
    ];
  },
};

/** `kubectl get storageclasses`: NAME (default) PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ... AGE. */
export const storageClassPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Provisioner'),
    column('ReclaimPolicy'),
    column('VolumeBindingMode'),
    column('AllowVolumeExpansion', 'boolean'),
    column('Age'),
  ],
  row: (o, now) => {
    const sc = o as unknown as StorageClassShape;
    const annotations = o.metadata.annotations ?? {};
    const isDefault =
      annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
      annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    return [
      isDefault ? `${o.metadata.name} (default)` : o.metadata.name,
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ? 'true' : 'false',
      age(o, now),
    ];
  },
};
