import 'server-only';

import { getArticle } from '@/lib/content';

/** Headlines of the articles the listed comments belong to (drafts and unknown slugs are left out). */
export function getArticleTitles(slugs: Iterable<string>): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const slug of new Set(slugs)) {
    const article = getArticle(slug);
    if (article) titles[slug] = article.title;
  }
  return titles;
}
