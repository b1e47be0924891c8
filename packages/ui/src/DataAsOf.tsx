export interface DataAsOfProps {
  /**
   * When the figures were read: the database's time of the statement that produced them (the
   * API's `asOf`), never the browser's clock. Nothing is shown without it.
   */
  asOf: string | Date | null | undefined;
}

// Philippine time, stated: the figures' readers are in the Philippines whatever the server's zone.
const parts = new Intl.DateTimeFormat('en-PH', {
  timeZone: 'Asia/Manila',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "6 Dec 2026, 20:41 PHT": a day and minute in Asia/Manila. */
export function formatAsOf(instant: Date): string {
  const part = Object.fromEntries(parts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute} PHT`;
}

/** The line under a report's heading saying when its figures were read (issue 21). */
export function DataAsOf({ asOf }: DataAsOfProps) {
  if (!asOf) return null;
  const instant = new Date(asOf);
  if (Number.isNaN(instant.getTime())) return null;
  return (
    <p className="data-as-of">
      <time data-as-of="" dateTime={instant.toISOString()}>
        {`Data as of ${formatAsOf(instant)}`}
      </time>
    </p>
  );
}
