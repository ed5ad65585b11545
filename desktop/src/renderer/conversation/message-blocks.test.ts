import { describe, expect, it } from 'vitest';
import { messageBlocks } from './message-blocks.ts';

describe('messageBlocks', () => {
  it('separates prose from fenced logs and commands', () => {
    expect(
      messageBlocks('Previous logs:\n```text\nOOMKilled\n```\nRun:\n```sh\nkubectl get pods\n```'),
    ).toEqual([
      { kind: 'text', text: 'Previous logs:' },
      { kind: 'code', language: 'text', text: 'OOMKilled' },
      { kind: 'text', text: 'Run:' },
      { kind: 'code', language: 'sh', text: 'kubectl get pods' },
    ]);
  });

  it('keeps an answer without fences as one text', () => {
    expect(messageBlocks('No problem found.')).toEqual([{ kind: 'text', text: 'No problem found.' }]);
  });
});
