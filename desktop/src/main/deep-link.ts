export const deepLinkScheme = 'opsworker';

// Matched on the raw text rather than through URL parsing, which would quietly resolve
// `investigations/../rules` into something else. Ids are `inv_` + base32; allow any id-like word.
const deepLinkPattern = /^opsworker:(?:\/\/\/?)?investigations(?:\/([A-Za-z0-9_-]{1,100}))?\/?$/i;

/**
 * Turns `opsworker://investigations/<id>` (Slack's "Open in OpsWorker" button) into the
 * renderer path `/investigations/<id>`. Anything else — other hosts, extra segments, ids that
 * are not ids — gives null: a link from outside the app must never steer it somewhere unplanned.
 */
export function deepLinkToPath(link: string): string | null {
  const match = deepLinkPattern.exec(link);
  if (match === null) return null;
  return match[1] === undefined ? '/investigations' : `/investigations/${match[1]}`;
}

/** Windows and Linux hand a deep link to the (second) instance as a command-line argument. */
export function deepLinkPathFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const path = deepLinkToPath(arg);
    if (path !== null) return path;
  }
  return null;
}
