import type { FeedbackRating, Investigation } from '@opsworker/shared';
import { useState } from 'react';
import { errorMessage } from '../common/error-message.ts';
import { useSession } from '../connection/ConnectionContext.tsx';

const RATINGS: { rating: FeedbackRating; label: string }[] = [
  { rating: 'accurate', label: 'Accurate' },
  { rating: 'partially_accurate', label: 'Partially' },
  { rating: 'needs_improvement', label: 'Needs improvement' },
];

/** "Was this right?": the latest rating counts and is shown as chosen. */
export function FeedbackButtons(props: {
  investigation: Investigation;
  onChange: (i: Investigation) => void;
}) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const current = props.investigation.feedback?.rating;
  const rate = async (rating: FeedbackRating) => {
    setBusy(true);
    setError(undefined);
    try {
      props.onChange(await api.feedback(props.investigation.id, { rating, via: 'desktop' }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="feedback">
      <legend>Was this right?</legend>
      {RATINGS.map(({ rating, label }) => (
        <button
          key={rating}
          type="button"
          aria-pressed={current === rating}
          className={current === rating ? 'chosen' : ''}
          disabled={busy}
          onClick={() => void rate(rating)}
        >
          {label}
        </button>
      ))}
      {current && !error && <span className="muted">Thanks — feedback saved.</span>}
      {error && <span className="error-text">{error}</span>}
    </fieldset>
  );
}
