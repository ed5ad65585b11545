import { describe, expect, it } from 'vitest';
import { toYaml } from './to-yaml.ts';

describe('toYaml', () => {
  describe('when emitting a Kubernetes object', () => {
    it('writes block style with list items sharing the dash line', () => {
      const pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web', labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
      };
      expect(toYaml(pod)).toBe(
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.25\n    ports:\n    - containerPort: 80\n',
      );
    });
  });

  describe('when strings would be misread', () => {
    it.each([
      ['true', '"true"'],
      ['123', '"123"'],
      ['1.5', '"1.5"'],
      ['yes', '"yes"'],
      ['null', '"null"'],
      ['', "''"],
      ['key: value', '"key: value"'],
      ['- dash', '"- dash"'],
      ['#hash', '"#hash"'],
      [' lead', '" lead"'],
      ['*', '"*"'],
    ])('quotes %j', (value, quoted) => {
      expect(toYaml({ v: value })).toBe(`v: ${quoted}\n`);
    });
  });

  describe('when a string spans lines', () => {
    it('uses a literal block, keeping or stripping the final newline', () => {
      expect(toYaml({ a: 'x\ny\n', b: 'x\ny' })).toBe('a: |\n  x\n  y\nb: |-\n  x\n  y\n');
    });
  });
});
