import { type RefObject, useEffect, useRef } from 'react';
import { type Blocker, useBlocker } from 'react-router';
import { routes } from '../../routes.js';

/**
 * Leaving a half-filled form asks first (issue 21): closing or reloading the tab through the
 * browser's own warning (`beforeunload`), another screen of the app through the router's blocker
 * and the dialog below. Moving between the form's own steps (`?step=`) and signing out (the login
 * page) pass: the draft is kept across the first, and is deleted by the second on purpose.
 */
export function LeaveWarning({ dirty }: { dirty: RefObject<boolean> }) {
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      event.preventDefault();
      // Older browsers show the warning only when a value is returned.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty.current &&
      nextLocation.pathname !== currentLocation.pathname &&
      nextLocation.pathname !== routes.login(),
  );
  return blocker.state === 'blocked' ? <LeaveDialog blocker={blocker} /> : null;
}

function LeaveDialog({ blocker }: { blocker: Blocker }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="leave-heading"
      className="enroll-dialog"
      // Escape closes the dialog: the user stays.
      onClose={() => blocker.reset?.()}
    >
      <h2 id="leave-heading">Leave the enrolment form?</h2>
      <p>
        This learner is not enrolled yet. What you typed is kept in this browser tab until you come
        back to the form, discard it or sign out.
      </p>
      <div className="enroll-actions">
        <button type="button" onClick={() => blocker.reset?.()}>
          Stay on the form
        </button>
        <button type="button" className="enroll-secondary" onClick={() => blocker.proceed?.()}>
          Leave
        </button>
      </div>
    </dialog>
  );
}
