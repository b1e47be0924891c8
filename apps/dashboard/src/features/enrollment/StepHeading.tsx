import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A step's heading, focused when the step appears: the control that opened the step is gone, and
 * a keyboard or screen-reader user should land on the new step, not at the top of the page.
 */
export function StepHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="enroll-step-heading">
      {children}
    </h2>
  );
}
