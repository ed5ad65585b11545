import type { NextStep } from '@opsworker/shared';
import { useState } from 'react';

/** Commands, not advice: each with a copy button, marked as for a human to run. */
export function NextSteps(props: { steps: readonly NextStep[] }) {
  if (props.steps.length === 0) return null;
  return (
    <section className="card next-steps" aria-label="Next steps">
      <h3>
        Next steps <span className="muted">for a human to run — OpsWorker never changes the cluster</span>
      </h3>
      <ol>
        {props.steps.map((step) => (
          <li key={`${step.description}|${step.command ?? ''}`}>
            <p>{step.description}</p>
            {step.command && <CommandLine command={step.command} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CommandLine(props: { command: string }) {
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.command);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="command">
      <code>{props.command}</code>
      <button type="button" onClick={copy} aria-label={`Copy ${props.command}`}>
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Select and copy' : 'Copy'}
      </button>
    </div>
  );
}
