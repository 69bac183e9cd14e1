import { describe, expect, it } from 'vitest';

import { articleLocale, formatDate, messagesFor, zoneForOffset, zoneName } from '@/lib/i18n';

const dari = messagesFor('fa-AF', 'en');
const pashto = messagesFor('ps', 'en');
const urdu = messagesFor('ur', 'en');
const english = messagesFor('en', 'en');
// 09:00 in Kabul on 2 November 2026, which is 11 Aqrab 1405 in the Solar Hijri calendar.
const KABUL_MORNING = '2026-11-02T04:30:00.000Z';

describe('formatDate', () => {
  it('gives a Dari date in the Solar Hijri calendar with Persian digits, the Gregorian date beside it', () => {
    expect(formatDate(KABUL_MORNING, dari, { timeZone: 'Asia/Kabul' })).toBe('۱۱ عقرب ۱۴۰۵ برابر با ۲ نومبر ۲۰۲۶');
  });

  it('gives a Pashto date with the Pashto solar month, and no era mark', () => {
    expect(formatDate(KABUL_MORNING, pashto, { timeZone: 'Asia/Kabul' })).toBe('۱۱ لړم ۱۴۰۵ (۲ نومبر ۲۰۲۶)');
  });

  it('gives an Urdu date in the Gregorian calendar alone', () => {
    expect(formatDate(KABUL_MORNING, urdu, { timeZone: 'Asia/Karachi' })).toBe('2 نومبر، 2026');
  });

  it('names the zone as readers know it, never by its offset', () => {
    const dariTime = formatDate(KABUL_MORNING, dari, { timeZone: 'Asia/Kabul', withTime: true });
    expect(dariTime).toBe('۱۱ عقرب ۱۴۰۵ برابر با ۲ نومبر ۲۰۲۶، ساعت ۰۹:۰۰ (وقت افغانستان)');
    expect(formatDate(KABUL_MORNING, english, { timeZone: 'Asia/Kabul', withTime: true })).toBe(
      '2 November 2026 at 09:00 Afghanistan Time',
    );
    expect(formatDate(KABUL_MORNING, english, { timeZone: 'Asia/Karachi', withTime: true })).toBe(
      '2 November 2026 at 09:30 Pakistan Standard Time',
    );
    expect(formatDate(KABUL_MORNING, english, { withTime: true })).not.toMatch(/GMT/);
  });

  it('reckons the day in the zone shown: late evening in Kabul is the next day', () => {
    expect(formatDate('2026-11-01T20:00:00.000Z', english, { timeZone: 'Asia/Kabul' })).toBe('2 November 2026');
    expect(formatDate('2026-11-01T20:00:00.000Z', english, { timeZone: 'UTC' })).toBe('1 November 2026');
  });
});

describe('zoneForOffset', () => {
  const at = new Date(KABUL_MORNING);

  it('finds the desk by the offset the editor wrote', () => {
    expect(zoneForOffset('+04:30', at, 'Asia/Kabul')).toBe('Asia/Kabul');
    expect(zoneForOffset('+05:00', at, 'Asia/Kabul')).toBe('Asia/Karachi');
    expect(zoneForOffset('+00:00', at, 'Asia/Kabul')).toBe('UTC');
  });

  it('keeps the site zone for no offset or one no desk has', () => {
    expect(zoneForOffset(undefined, at, 'Asia/Kabul')).toBe('Asia/Kabul');
    expect(zoneForOffset('+09:45', at, 'Asia/Kabul')).toBe('Asia/Kabul');
  });

  it('names +04:30 and +05:00 in each language', () => {
    expect(zoneName('Asia/Kabul', at, english)).toBe('Afghanistan Time');
    expect(zoneName('Asia/Karachi', at, english)).toBe('Pakistan Standard Time');
    expect(zoneName('Asia/Kabul', at, dari)).toBe('وقت افغانستان');
    expect(zoneName('Asia/Karachi', at, urdu)).toBe('پاکستان کا معیاری وقت');
    expect(zoneName('Asia/Kabul', at, pashto)).toBe('افغانستان وخت');
  });

  it('gives an article filed by the Islamabad desk the Pakistan zone', () => {
    const locale = articleLocale({ lang: 'en', date: '2026-11-03T06:30:00.000Z', dateOffset: '+05:00' }, 'en');
    expect(locale.timeZone).toBe('Asia/Karachi');
    expect(formatDate('2026-11-03T06:30:00.000Z', locale.messages, { timeZone: locale.timeZone, withTime: true })).toBe(
      '3 November 2026 at 11:30 Pakistan Standard Time',
    );
  });
});
