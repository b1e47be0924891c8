import { MessageDetail } from '@repo/ui/ErrorWords';
import { type FormFailure } from './form-errors.js';

/**
 * Every problem of a refused request, at the top of the form and in words with the codes in small
 * print for support, each also beside its field; Try again resends it unchanged. It takes the
 * focus when no field does (a refusal of the whole request).
 */
export function FailureNotice({
  failure,
  onRetry,
  busy,
}: {
  failure: FormFailure;
  onRetry: () => void;
  busy: boolean;
}) {
  if (!failure.general && failure.fields.length === 0) return null;
  return (
    <div role="alert" className="error-state enroll-failure" tabIndex={-1}>
      {failure.general ? <p>{failure.general}</p> : null}
      {failure.fields.length > 0 ? (
        <>
          <p>Nothing was saved. Change what is marked below, then save again:</p>
          <ul>
            {failure.fields.map((f) => (
              <li key={`${f.field}-${f.rule}`}>{f.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      <MessageDetail detail={failure.detail} />
      {failure.retryable ? (
        <button type="button" onClick={onRetry} disabled={busy}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
