import { site } from '@/lib/site';

/**
 * Labels, dates and category names are in the site's language. Inside an article
 * written in another language they carry their own `lang`, so screen readers and
 * hyphenation treat them correctly; otherwise the attribute is left off.
 */
export function uiLang(contentLang: string): string | undefined {
  return contentLang === site.defaultLang ? undefined : site.defaultLang;
}
