import 'server-only';

import { fillTemplate } from '@/lib/comments/form';
import { en } from '@/lib/i18n/messages/en';
import { faAf } from '@/lib/i18n/messages/fa-af';
import { ps } from '@/lib/i18n/messages/ps';
import { ur } from '@/lib/i18n/messages/ur';
import type { Messages, Plural } from '@/lib/i18n/types';
import { getSettings } from '@/lib/settings';
import { site } from '@/lib/site';

/** The UI languages, by their tag; each file has every key (see types.ts). */
export const MESSAGES: readonly Messages[] = [en, faAf, ps, ur];

const byTag = new Map(MESSAGES.map((messages) => [messages.lang.toLowerCase(), messages]));
// A tag with another region or none ("fa", "ps-AF", "ur-PK", "en-GB") reads the
// file of its language: Dari is the Persian the newsroom writes.
const byLanguage = new Map(MESSAGES.map((messages) => [primary(messages.lang), messages]));

function primary(tag: string): string {
  return tag.toLowerCase().split('-')[0] ?? '';
}

function find(tag: string): Messages | undefined {
  return byTag.get(tag.toLowerCase()) ?? byLanguage.get(primary(tag));
}

/**
 * The site's words for a page in `lang`: that language's file, else the site
 * language's (SITE_LANG), else English. `messages.lang` says which one it is.
 */
export function messagesFor(lang: string, siteLang: string = getSettings().siteLang): Messages {
  return find(lang) ?? find(siteLang) ?? find(site.defaultLang) ?? en;
}

/**
 * The `lang` a label needs inside content in `contentLang`: none when the
 * words are in that language, else the words' own, so screen readers and
 * hyphenation read a fallback's English as English.
 */
export function labelLang(contentLang: string, messages: Messages): string | undefined {
  return primary(contentLang) === primary(messages.lang) ? undefined : messages.lang;
}

/** A number in the language's digits. */
export function formatNumber(value: number, messages: Messages): string {
  return new Intl.NumberFormat(messages.lang).format(value);
}

/** A count with its words, by the language's plural rules. */
export function formatCount(plural: Plural, count: number, messages: Messages): string {
  const category = new Intl.PluralRules(messages.lang).select(count);
  return fillTemplate(category === 'one' ? plural.one : plural.other, { count: formatNumber(count, messages) });
}

/** A template's text before and after one placeholder, for one filled with markup (a link, a list of names). */
export function splitTemplate(template: string, key: string): [before: string, after: string] {
  const marker = `{${key}}`;
  const at = template.indexOf(marker);
  if (at === -1) return [template, ''];
  return [template.slice(0, at), template.slice(at + marker.length)];
}

export { fillTemplate };

/**
 * `lang` and `dir` for a part of the page in `messages`' words outside the
 * article element (comments, pager, related articles), set only where they
 * differ from the page's own (`<html lang>`, left to right).
 */
export function wordsAttributes(messages: Messages, pageLang: string = getSettings().siteLang): { lang?: string; dir?: 'ltr' | 'rtl' } {
  const differs = primary(messages.lang) !== primary(pageLang);
  return {
    ...(differs ? { lang: messages.lang } : {}),
    ...(differs || messages.dir === 'rtl' ? { dir: messages.dir } : {}),
  };
}
