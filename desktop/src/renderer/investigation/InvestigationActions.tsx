import type { Investigation } from '@opsworker/shared';
import { useState } from 'react';
import { navigate, routePath } from '../app/router.ts';
import { errorMessage } from '../common/error-message.ts';
import { useSession } from '../connection/ConnectionContext.tsx';

/** Acknowledge (someone has it) and re-run (a fresh investigation of the same scope and question). */
export function InvestigationActions(props: {
  investigation: Investigation;
  onChange: (investigation: Investigation) => void;
}) {
  const { api } = useSession();
  const { investigation } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="actions">
      {investigation.acknowledgedAt ? (
        <span className="muted">
          Acknowledged{investigation.acknowledgedBy ? ` by ${investigation.acknowledgedBy}` : ''}
        </span>
      ) : (
        <button
          type="button"
          disabled={busy}
          onClick={() => void run(async () => props.onChange(await api.acknowledge(investigation.id)))}
        >
          Acknowledge
        </button>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const rerun = await api.rerun(investigation.id);
            navigate(routePath({ page: 'investigations', id: rerun.id }));
          })
        }
      >
        Re-run
      </button>
      {error && <span className="error-text">{error}</span>}
    </div>
  );
}
