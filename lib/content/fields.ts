import 'server-only';

import { site } from '@/lib/site';
import { SLUG_PATTERN } from '@/lib/routes';

// Value rules shared by the schemas: dates, slugs and language tags.

export const DATE_EXAMPLE = '2026-11-02T09:30:00+04:30';

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export type ParsedDate = { ok: true; iso: string; time: number } | { ok: false; message: string };

/** Parses an ISO 8601 date-time that must carry a time zone, with messages for editors. */
export function parseDateTime(input: string): ParsedDate {
  const text = input.trim();
  const quoted = JSON.stringify(text);
  const match = ISO_DATE_TIME.exec(text);
  if (!match) {
    return { ok: false, message: `${quoted} is not an ISO 8601 date; write it like ${DATE_EXAMPLE}` };
  }
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  const h = Number(hour ?? 0);
  const mi = Number(minute ?? 0);
  const s = Number(second ?? 0);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) {
    return { ok: false, message: `${quoted} is not a real date and time; write it like ${DATE_EXAMPLE}` };
  }
  if (hour === undefined) {
    return {
      ok: false,
      message: `${quoted} has no time or time zone; add both, e.g. ${text}T09:30:00${zoneOffset(Date.UTC(y, mo - 1, d, 12))}`,
    };
  }
  const localTime = `${hour}:${minute}:${second ?? '00'}`;
  if (zone === undefined) {
    const guess = Date.UTC(y, mo - 1, d, h, mi, s);
    return {
      ok: false,
      message: `${quoted} has no time zone; add one, e.g. ${year}-${month}-${day}T${localTime}${zoneOffset(guess)}`,
    };
  }
  const offsetMinutes = parseZone(zone);
  if (offsetMinutes === undefined) {
    return { ok: false, message: `${quoted} has an impossible time zone; write it like ${DATE_EXAMPLE}` };
  }
  const millis = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  const time = Date.UTC(y, mo - 1, d, h, mi, s, millis) - offsetMinutes * 60_000;
  return { ok: true, iso: new Date(time).toISOString(), time };
}

/** The offset an ISO 8601 timestamp was written with (`Z` is `+00:00`), or undefined when it has none. */
export function writtenOffset(iso: string): string | undefined {
  const match = /T[\d:.]+(Z|[+-]\d{2}(?::?\d{2})?)$/i.exec(iso.trim());
  if (!match?.[1]) return undefined;
  const zone = match[1].toUpperCase();
  if (zone === 'Z') return '+00:00';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2) || '00'}`;
}

function parseZone(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/** The newsroom's UTC offset at a moment, as `+04:30`, for example dates in messages. */
function zoneOffset(time: number): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: site.timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(time))
    .find((item) => item.type === 'timeZoneName');
  const offset = part?.value.replace('GMT', '') ?? '';
  return offset === '' ? '+00:00' : offset;
}


/** Article slugs and author ids: lower-case ASCII letters, digits and single hyphens. */
export function isFileSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** A file-name suggestion for a name that is not a slug (`My Story` → `my-story`). */
export function suggestFileSlug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii === '' ? 'parliament-passes-budget' : ascii;
}

/**
 * URL slug for a category or tag name. Letters of any script are kept so
 * Dari and Pashto tags get readable URLs; Latin accents are dropped.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

const NAME_SLUG = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

export function isNameSlug(value: string): boolean {
  return NAME_SLUG.test(value) && value === value.toLowerCase();
}

/** Canonical BCP 47 tag (`fa-af` → `fa-AF`), or undefined when it is not one. */
export function canonicalLanguageTag(value: string): string | undefined {
  const primary = value.split('-')[0] ?? '';
  if (!/^[a-z]{2,3}$/i.test(primary)) return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

const RTL_LANGUAGES = new Set(['fa', 'prs', 'ps', 'ur', 'ar', 'he', 'ckb', 'sd', 'ug', 'yi', 'dv']);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);

/** Writing direction of a language tag; an explicit script subtag wins over the language. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const [language = '', ...rest] = lang.toLowerCase().split('-');
  const script = rest.find((subtag) => /^[a-z]{4}$/.test(subtag));
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
