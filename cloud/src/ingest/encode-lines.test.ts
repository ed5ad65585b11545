import { describe, expect, it } from 'vitest';
import { encodeLines } from './encode-lines.ts';

describe('encodeLines', () => {
  it('encodes the lines one after another as UTF-8, multi-byte characters included', () => {
    const lines = ['{"a":"ü"}\n', '{"b":"日本"}\n', '{"c":"🚨"}\n'];
    expect(encodeLines(lines).toString('utf8')).toBe(lines.join(''));
    expect(encodeLines(lines).length).toBe(Buffer.byteLength(lines.join('')));
  });

  it('gives an empty buffer for no lines', () => {
    expect(encodeLines([]).length).toBe(0);
  });
});
