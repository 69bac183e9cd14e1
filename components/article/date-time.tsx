import { site } from '@/lib/site';

type DateTimeProps = {
  /** ISO 8601 timestamp. */
  iso: string;
  /** Also show the clock time and the zone; otherwise the date alone. */
  withTime?: boolean;
  className?: string;
};

// Readers are shown the newsroom's own zone, whatever the build machine's zone is.
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  timeZone: site.timeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const dateAndTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: site.timeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

export function formatDate(iso: string, withTime = false): string {
  return (withTime ? dateAndTime : dateOnly).format(new Date(iso));
}

export function DateTime({ iso, withTime = false, className }: DateTimeProps) {
  return (
    // dir: an English date keeps its order inside right-to-left text.
    <time dateTime={iso} dir="ltr" className={className}>
      {formatDate(iso, withTime)}
    </time>
  );
}
