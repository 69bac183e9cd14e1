import { DEFAULT_LOCALE, labelLang } from '@/lib/i18n';

/**
 * Labels, dates and category names of a listing are in the site's language.
 * Inside an article written in another language they carry their own `lang`,
 * so screen readers and hyphenation treat them correctly; otherwise the
 * attribute is left off.
 */
export function uiLang(contentLang: string): string | undefined {
  return labelLang(contentLang, DEFAULT_LOCALE.messages);
}
