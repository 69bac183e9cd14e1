import 'server-only';

import { stringify } from 'yaml';

import { isFileSlug, slugify } from '@/lib/content/fields';

// The file `npm run content:new` writes: the front-matter contract filled in,
// a draft until the editor removes `draft: true`.

export type NewArticle = {
  title: string;
  /** Publication time, written with the desk's offset. */
  date: Date;
  timeZone: string;
  authors: readonly string[];
  categories: readonly string[];
  lang?: string;
};

/** The slug a headline gives, or null when it has no Latin letters or digits to make one of. */
export function slugForHeadline(title: string): string | null {
  const slug = slugify(title)
    .normalize('NFKD')
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug !== '' && isFileSlug(slug) ? slug : null;
}

/** `date` as ISO 8601 in `timeZone`, with its offset: 2026-12-07T14:05:00+04:30. */
export function isoInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  const offset = String(parts.timeZoneName).replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** Whether `timeZone` is a zone this runtime knows (Asia/Kabul, Asia/Karachi…). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function newArticleText(article: NewArticle): string {
  const fields: Record<string, unknown> = {
    title: article.title,
    date: isoInZone(article.date, article.timeZone),
    author: article.authors.length === 1 ? article.authors[0] : [...article.authors],
    categories: [...article.categories],
    tags: [],
    ...(article.lang && article.lang !== 'en' ? { lang: article.lang } : {}),
    draft: true,
  };
  const yaml = stringify(fields, { lineWidth: 0, flowCollectionPadding: false });
  return [
    '---',
    yaml.trimEnd(),
    '---',
    'The first paragraph is the excerpt: who, what, where and when, in a sentence or two.',
    '',
    '## A subheading',
    '',
    'The rest of the story. Remove `draft: true` above when it is ready to publish.',
    '',
  ].join('\n');
}
