import type { EvidenceRef } from '@opsworker/shared';
import { useMemo, useState } from 'react';
import { highlight } from './highlight.ts';

function RawOutput(props: { text: string }) {
  const segments = useMemo(() => highlight(props.text), [props.text]);
  return (
    <pre className="raw-output">
      {segments.map((segment, index) =>
        segment.kind === 'plain' ? (
          segment.text
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are a fixed rendering of one text.
          <span key={index} className={`hl-${segment.kind}`}>
            {segment.text}
          </span>
        ),
      )}
    </pre>
  );
}

/** Evidence second: each read behind a click, raw output in monospace with failures coloured. */
export function EvidenceList(props: { evidence: readonly EvidenceRef[] }) {
  const [query, setQuery] = useState('');
  const shown = props.evidence.filter(
    (item) =>
      !query ||
      item.title.toLowerCase().includes(query.toLowerCase()) ||
      item.excerpt.toLowerCase().includes(query.toLowerCase()),
  );
  if (props.evidence.length === 0) return null;
  return (
    <section className="card evidence" aria-label="Evidence">
      <h3>
        Evidence <span className="muted">({props.evidence.length})</span>
      </h3>
      {props.evidence.length > 3 && (
        <input
          type="search"
          className="evidence-search"
          placeholder="Filter evidence"
          aria-label="Filter evidence"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      )}
      {shown.map((item) => (
        <details key={item.id} className="evidence-item">
          <summary>
            {item.title} <span className="muted evidence-id">{item.id}</span>
          </summary>
          <RawOutput text={item.excerpt} />
        </details>
      ))}
    </section>
  );
}
