import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, originOf } from './content-security-policy.ts';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  it('lets the page talk only to itself and the connected server, and run only bundled scripts', () => {
    const policy = directives(buildContentSecurityPolicy('https://ops.example.com:8443'));
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('style-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self' https://ops.example.com:8443");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
  });

  it('admits no server at all before the user connects', () => {
    expect(directives(buildContentSecurityPolicy(null)).get('connect-src')).toBe("'self'");
  });
});

describe('originOf', () => {
  it('keeps scheme, host and port, and drops the path', () => {
    expect(originOf('http://127.0.0.1:8080/api/')).toBe('http://127.0.0.1:8080');
  });
  it('gives null for anything but http(s)', () => {
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});
