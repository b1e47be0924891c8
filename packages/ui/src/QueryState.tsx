import { MessageDetail, useErrorWords } from './ErrorWords.js';

export interface QueryStateProps {
  loading: boolean;
  error?: { message: string } | null;
  onRetry?: () => void;
  /** What is loading, for screen readers: "regions". */
  what: string;
}

/** The loading skeleton or the error with a retry; renders nothing once data is there. */
export function QueryState({ loading, error, onRetry, what }: QueryStateProps) {
  if (error) return <LoadError error={error} onRetry={onRetry} what={what} />;
  if (loading) {
    return (
      <div className="loading-state" aria-busy="true" aria-live="polite">
        <span className="visually-hidden">Loading {what}…</span>
        <div className="skeleton skeleton--row" />
        <div className="skeleton skeleton--row" />
        <div className="skeleton skeleton--row" />
      </div>
    );
  }
  return null;
}

/** The error in the app's words, its codes in small print, and a retry. */
function LoadError({
  error,
  onRetry,
  what,
}: {
  error: { message: string };
  onRetry?: (() => void) | undefined;
  what: string;
}) {
  const words = useErrorWords(error);
  return (
    <div role="alert" className="error-state">
      <p>
        Could not load {what}. {words.text}
      </p>
      <MessageDetail detail={words.detail} />
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
