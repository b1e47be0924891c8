import { formatPercent } from '@repo/ui/format';

const dayFormat = new Intl.DateTimeFormat('en-PH', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** '2028-02-05' → 'Feb 5', the tracker's days. */
export const toDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

/** Registrations against last year's enrollment, '—' when last year had none. */
export const progressText = (progress: number | null | undefined) =>
  progress === null || progress === undefined ? '—' : formatPercent(progress);
