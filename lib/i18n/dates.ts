import 'server-only';

import type { Messages } from '@/lib/i18n/types';
import { site } from '@/lib/site';

// The zones the desks file from, in the order an offset is matched against
// them: an editor writes an offset (+05:00), readers know a zone's name
// ("Pakistan Standard Time"), and Intl names only real zones.
const DESK_ZONES = ['Asia/Kabul', 'Asia/Karachi', 'Asia/Tehran', 'Asia/Kolkata', 'Asia/Dubai', 'UTC'] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** A zone's UTC offset at a moment, as `+04:30`. */
export function zoneOffset(timeZone: string, at: Date): string {
  const name = formatter('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}

/**
 * The zone to show a time in: the one whose offset at that moment is the one
 * the editor wrote (the site's zone first, then the desks'), else the site's.
 */
export function zoneForOffset(offset: string | undefined, at: Date, siteZone: string = site.timeZone): string {
  if (!offset) return siteZone;
  return [siteZone, ...DESK_ZONES].find((zone) => zoneOffset(zone, at) === offset) ?? siteZone;
}

/** A zone's long name in the language ("Afghanistan Time", "وقت افغانستان"), never "GMT+4:30". */
export function zoneName(timeZone: string, at: Date, messages: Messages): string {
  return (
    formatter(messages.lang, { timeZone, timeZoneName: 'long' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  );
}

function calendarDate(at: Date, messages: Messages, calendar: string, timeZone: string): string {
  const parts = formatter(`${messages.lang}-u-ca-${calendar}`, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).formatToParts(
    at,
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  // Built from the parts: Intl's own pattern adds an era ("AP") to some calendars.
  return messages.dates.date.replace('{day}', part('day')).replace('{month}', part('month')).replace('{year}', part('year'));
}

export type DateOptions = {
  /** The zone the date is reckoned in (see zoneForOffset). */
  timeZone?: string;
  /** Also the clock time and the zone's name. */
  withTime?: boolean;
};

/**
 * A date as the language's readers write it: in its customary calendar and
 * digits, with the Gregorian date beside any other calendar's, and with the
 * time and the zone's name when asked.
 */
export function formatDate(iso: string, messages: Messages, { timeZone = site.timeZone, withTime = false }: DateOptions = {}): string {
  const at = new Date(iso);
  const local = calendarDate(at, messages, messages.calendar, timeZone);
  const date =
    messages.calendar === 'gregory'
      ? local
      : messages.dates.withGregorian.replace('{date}', local).replace('{gregorian}', calendarDate(at, messages, 'gregory', timeZone));
  if (!withTime) return date;
  const time = formatter(messages.lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return messages.dates.dateTime
    .replace('{date}', date)
    .replace('{time}', time)
    .replace('{zone}', zoneName(timeZone, at, messages));
}
