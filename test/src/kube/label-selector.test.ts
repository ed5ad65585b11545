import { describe, expect, it } from 'vitest';
import { parseLabelSelector } from './label-selector.ts';

const web = { app: 'web', tier: 'frontend', 'app.kubernetes.io/version': '3' };

describe('parseLabelSelector', () => {
  describe('when a selector is valid', () => {
    it.each([
      ['', true],
      ['app=web', true],
      ['app==web', true],
      ['app=api', false],
      ['app!=api', true],
      ['team!=payments', true],
      ['app in (web, api)', true],
      ['app in (api)', false],
      ['app notin (api,db)', true],
      ['team notin (api)', true],
      ['tier', true],
      ['team', false],
      ['!team', true],
      ['!tier', false],
      ['app=web,tier=frontend', true],
      ['app=web,tier=backend', false],
      ['app in (web,api),!team', true],
      ['app.kubernetes.io/version>2', true],
      ['app.kubernetes.io/version<3', false],
    ])('"%s" matches app=web,tier=frontend: %s', (selector, expected) => {
      expect(parseLabelSelector(selector)(web)).toBe(expected);
    });

    it('treats missing labels as an empty set', () => {
      expect(parseLabelSelector('!app')(undefined)).toBe(true);
      expect(parseLabelSelector('app')(undefined)).toBe(false);
    });
  });

  describe('when a selector is malformed', () => {
    it.each(['app in (a', 'app=web app', 'app=-x-', '=web', 'version>high'])('"%s" is a 400', (selector) => {
      expect(() => parseLabelSelector(selector)).toThrow(
        expect.objectContaining({ code: 400, reason: 'BadRequest' }),
      );
    });
  });
});
