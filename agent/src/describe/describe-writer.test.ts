import { describe, expect, it } from 'vitest';
import { createDescribeWriter } from './describe-writer.ts';

describe('createDescribeWriter', () => {
  describe('when rows share a block', () => {
    it('aligns values two spaces after the longest key, as tabwriter does', () => {
      const w = createDescribeWriter();
      w.row(0, 'Name:', 'web');
      w.row(0, 'Service Account:', 'default');
      expect(w.render()).toBe('Name:             web\nService Account:  default\n');
    });
  });

  describe('when a row has no value', () => {
    it('starts a new alignment block after it', () => {
      const w = createDescribeWriter();
      w.row(0, 'A:', '1');
      w.row(0, 'Containers:');
      w.row(1, 'Longer key:', '2');
      expect(w.render()).toBe('A:  1\nContainers:\n  Longer key:  2\n');
    });
  });

  describe('when writing maps and lists', () => {
    it('puts the first entry beside the key and the rest below, or <none>', () => {
      const w = createDescribeWriter();
      w.map(0, 'Labels', { b: '2', a: '1' });
      w.map(0, 'Annotations', {});
      w.lines(0, 'Taints', []);
      expect(w.render()).toBe(
        'Labels:       a=1\n              b=2\nAnnotations:  <none>\nTaints:       <none>\n',
      );
    });
  });
});
