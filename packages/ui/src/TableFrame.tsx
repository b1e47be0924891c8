import { type ReactNode } from 'react';

export interface TableFrameProps {
  /** The frame's name for screen readers: the table's caption. */
  label: string;
  children: ReactNode;
}

/**
 * The frame every table of the app sits in: on a narrow screen (a phone, 390 px) the table
 * scrolls sideways inside it instead of widening the page. It can be focused, so a keyboard user
 * scrolls it with the arrow keys, and it is a named region, so a screen reader says what it holds
 * (WCAG 2.1.1, 1.4.10 reflow).
 */
export function TableFrame({ label, children }: TableFrameProps) {
  return (
    <div className="table-frame" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
