import { describe, expect, it } from 'vitest';
import { deepLinkPathFromArgv, deepLinkToPath } from './deep-link.ts';

describe('deepLinkToPath', () => {
  it.each([
    ['opsworker://investigations/inv_0abc123xyz', '/investigations/inv_0abc123xyz'],
    ['opsworker://investigations/inv_0abc123xyz/', '/investigations/inv_0abc123xyz'],
    ['opsworker:///investigations/inv_1', '/investigations/inv_1'],
    ['OPSWORKER://investigations/inv_1', '/investigations/inv_1'],
    ['opsworker://investigations', '/investigations'],
  ])('%s opens %s', (link, path) => {
    expect(deepLinkToPath(link)).toBe(path);
  });

  it.each([
    ['another scheme', 'https://investigations/inv_1'],
    ['another host', 'opsworker://rules/rule_1'],
    ['a path escape', 'opsworker://investigations/..%2F..%2Fsettings'],
    ['a dot-dot segment', 'opsworker://investigations/../rules'],
    ['extra segments', 'opsworker://investigations/inv_1/evidence'],
    ['characters ids never have', 'opsworker://investigations/inv_1<script>'],
    ['an id far too long', `opsworker://investigations/${'a'.repeat(200)}`],
    ['not a URL', 'opsworker investigations inv_1'],
    ['an empty string', ''],
  ])('refuses %s', (_case, link) => {
    expect(deepLinkToPath(link)).toBeNull();
  });
});

describe('deepLinkPathFromArgv', () => {
  it('finds the link among Chromium switches (Windows and Linux second instance)', () => {
    const argv = [
      '/opt/OpsWorker/opsworker',
      '--no-sandbox',
      '--allow-file-access',
      'opsworker://investigations/inv_42',
    ];
    expect(deepLinkPathFromArgv(argv)).toBe('/investigations/inv_42');
  });

  it('ignores arguments that are not valid deep links', () => {
    expect(deepLinkPathFromArgv(['/usr/bin/electron', '.', 'opsworker://evil/inv_1'])).toBeNull();
    expect(deepLinkPathFromArgv(['/usr/bin/electron', '.'])).toBeNull();
  });
});
