import 'server-only';

import { zoneForOffset } from '@/lib/i18n/dates';
import { labelLang, messagesFor } from '@/lib/i18n/lang';
import type { Messages } from '@/lib/i18n/types';
import { site } from '@/lib/site';

/** How an article page speaks: whose words, with what `lang`, and in which zone its times are shown. */
export type ArticleLocale = {
  messages: Messages;
  /** The `lang` of the site's words inside the article; none when they are in the article's own language. */
  labelLang?: string;
  /** The zone the article's times are shown in (see zoneForOffset). */
  timeZone: string;
};

/** The site's default language and zone: listings, moderation, and every page in English. */
export const DEFAULT_LOCALE: ArticleLocale = {
  messages: messagesFor(site.defaultLang, site.defaultLang),
  timeZone: site.timeZone,
};

type LocaleSource = { lang: string; date: string; dateOffset?: string };

/**
 * An article's locale: its language's words (the site language's where it has
 * no messages file) and the zone of the offset the editor wrote in `date`.
 */
export function articleLocale(article: LocaleSource, siteLang?: string): ArticleLocale {
  const messages = messagesFor(article.lang, siteLang);
  const locale: ArticleLocale = { messages, timeZone: zoneForOffset(article.dateOffset, new Date(article.date)) };
  const lang = labelLang(article.lang, messages);
  if (lang) locale.labelLang = lang;
  return locale;
}
