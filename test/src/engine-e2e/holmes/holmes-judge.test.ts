import { describe, expect, it } from 'vitest';
import { answerStates } from './holmes-judge.ts';

describe('answerStates', () => {
  it.each([
    [
      'names the missing variable',
      'payment-processing-worker crash-loops because the environment variable DEPLOY_ENV is not set.',
      'The `DEPLOY_ENV` environment variable is undefined or missing',
      true,
    ],
    [
      'names another variable',
      'payment-processing-worker crash-loops because the environment variable DEPLOY_REGION is not set.',
      'The `DEPLOY_ENV` environment variable is undefined or missing',
      false,
    ],
    [
      'names the host and port',
      'java-api-checker fails: it cannot connect to the database at prod-db:3333 (connection refused).',
      'The `java-api-checker` job repeatedly fails to connect to the database at `prod-db:3333`',
      true,
    ],
    [
      'says something else entirely',
      'The node is under memory pressure and evicted pods.',
      'The pod was killed due to it being out of memory',
      false,
    ],
    [
      'paraphrases the cause',
      'The container was OOM killed: it ran out of memory and was killed (exit 137).',
      'The pod was killed due to it being out of memory',
      true,
    ],
  ])('%s', (_, answer, expected, states) => {
    expect(answerStates(answer, expected)).toBe(states);
  });
});
