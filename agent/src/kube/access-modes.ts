const SHORT: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

/** kubectl's short access modes: `RWO,RWX`. */
export function accessModes(modes: string[] | undefined): string {
  return (modes ?? []).map((mode) => SHORT[mode] ?? mode).join(',');
}
