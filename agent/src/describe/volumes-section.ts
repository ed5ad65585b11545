import type { Volume } from '../kube/kube-types.ts';
import type { DescribeWriter } from './describe-writer.ts';

type Source = Record<string, unknown>;
const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** How kubectl explains each volume type; unknown types show their fields. */
function writeSource(writer: DescribeWriter, level: number, type: string, source: Source): void {
  switch (type) {
    case 'configMap':
      writer.row(level, 'Type:', 'ConfigMap (a volume populated by a ConfigMap)');
      writer.row(level, 'Name:', str(source.name));
      writer.row(level, 'Optional:', str(source.optional ?? false));
      return;
    case 'secret':
      writer.row(level, 'Type:', 'Secret (a volume populated by a Secret)');
      writer.row(level, 'SecretName:', str(source.secretName));
      writer.row(level, 'Optional:', str(source.optional ?? false));
      return;
    case 'persistentVolumeClaim':
      writer.row(
        2,
        'Type:',
        'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
      );
      writer.row(level, 'ClaimName:', str(source.claimName));
      writer.row(level, 'ReadOnly:', str(source.readOnly ?? false));
      return;
    case 'emptyDir':
      writer.row(level, 'Type:', "EmptyDir (a temporary directory that shares a pod's lifetime)");
      writer.row(level, 'Medium:', str(source.medium));
      writer.row(level, 'SizeLimit:', str(source.sizeLimit) || '<unset>');
      return;
    case 'hostPath':
      writer.row(level, 'Type:', 'HostPath (bare host directory volume)');
      writer.row(level, 'Path:', str(source.path));
      return;
    case 'projected':
      writer.row(level, 'Type:', 'Projected (a volume that contains injected data from multiple sources)');
      for (const projection of (source.sources as Source[] | undefined) ?? []) {
        const [kind, value] = Object.entries(projection)[0] ?? [];
        const detail = value as Source | undefined;
        if (kind === 'serviceAccountToken')
          writer.row(level, 'TokenExpirationSeconds:', str(detail?.expirationSeconds ?? 3607));
        else if (kind === 'configMap') writer.row(level, 'ConfigMapName:', str(detail?.name));
        else if (kind === 'secret') writer.row(level, 'SecretName:', str(detail?.name));
        else if (kind === 'downwardAPI') writer.row(level, 'DownwardAPI:', 'true');
      }
      return;
    default:
      writer.row(level, 'Type:', type);
      for (const [key, value] of Object.entries(source)) {
        writer.row(level, `${key}:`, typeof value === 'object' ? JSON.stringify(value) : str(value));
      }
  }
}

/** The `Volumes:` section of a pod (level 0) or of a pod template (level 1). */
export function writeVolumes(writer: DescribeWriter, volumes: Volume[] | undefined, level = 0): void {
  if (!volumes || volumes.length === 0) {
    writer.row(level, 'Volumes:', '<none>');
    return;
  }
  writer.row(level, 'Volumes:');
  for (const volume of volumes) {
    writer.row(level + 1, `${volume.name}:`);
    const [type, source] = Object.entries(volume).find(([key]) => key !== 'name') ?? ['<unknown>', {}];
    writeSource(writer, level + 2, type, (source ?? {}) as Source);
  }
}
