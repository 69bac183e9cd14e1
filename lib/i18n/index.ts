import 'server-only';

// The entry of lib/i18n: the site's own words on an article page, one
// messages file per UI language (messages/), and the dates and numbers in
// each language's calendar and digits. Client Components get their words as
// props; they never import this.

export type { Calendar, Messages, Plural } from '@/lib/i18n/types';
export { fillTemplate, formatCount, formatNumber, labelLang, MESSAGES, messagesFor, splitTemplate, wordsAttributes } from '@/lib/i18n/lang';
export { formatDate, zoneForOffset, zoneName, zoneOffset } from '@/lib/i18n/dates';
export type { DateOptions } from '@/lib/i18n/dates';
export { articleLocale, DEFAULT_LOCALE } from '@/lib/i18n/locale';
export type { ArticleLocale } from '@/lib/i18n/locale';
