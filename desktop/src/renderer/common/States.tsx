import type { ReactNode } from 'react';

/** Something is on its way; says what, so a slow server is not mistaken for an empty one. */
export function Loading(props: { what: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      Loading {props.what}…
    </div>
  );
}

/** A failure written for the user, with a way to try again. */
export function ErrorState(props: { title: string; message: string; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <strong>{props.title}</strong>
      <p>{props.message}</p>
      {props.onRetry && (
        <button type="button" onClick={props.onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Nothing to show yet, and what would make something appear. */
export function EmptyState(props: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <strong>{props.title}</strong>
      {props.children && <div className="state-hint">{props.children}</div>}
    </div>
  );
}
