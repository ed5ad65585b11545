import { redactText } from '@opsworker/agent/redaction/redact-text.ts';
import { tool } from '@strands-agents/sdk';
import { z } from 'zod';
import type { Finding } from '../../analyzers/finding.ts';
import { describeFindings } from '../context/describe-findings.ts';

/** The deterministic analyzers' conclusions. */
export function getFindingsTool(findings: readonly Finding[]) {
  return tool({
    name: 'get_findings',
    description:
      "The deterministic analyzers' findings for this investigation: category, statement, confidence, " +
      'the resource, facts, and the evidence ids and excerpts behind each. Use first, to know what is ' +
      'already established, and to cite evidence ids in the report. Filter by resource (kind/name).',
    inputSchema: z.object({
      resource: z.string().max(300).optional().describe('e.g. deployment/checkout; omit for all'),
    }),
    callback: ({ resource }) => {
      const chosen = resource ? findings.filter((f) => f.resource === resource) : findings;
      return chosen.length ? redactText(describeFindings(chosen)) : 'No findings match.';
    },
  });
}
