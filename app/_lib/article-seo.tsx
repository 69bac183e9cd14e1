import { permanentRedirect } from 'next/navigation';

import { JsonLdScript } from '@/components/seo/json-ld-script';
import { getArticleRedirect, type ArticleSummary } from '@/lib/content';
import { articlePath } from '@/lib/routes';
import { articleCrumbs, breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd } from '@/lib/seo';
import { getSettings } from '@/lib/settings';

/**
 * An old slug of a moved article answers a permanent redirect to its current
 * address. Old slugs are prerendered with the article route, so the redirect
 * is served from the build like the page itself.
 */
export function redirectIfMoved(slug: string): void {
  const current = getArticleRedirect(slug);
  if (current) permanentRedirect(articlePath(current));
}

/** The article's NewsArticle and its Home › Section › Article breadcrumb, in one block. */
export function ArticleJsonLd({ article }: { article: ArticleSummary }) {
  const settings = getSettings();
  return (
    <JsonLdScript json={serializeJsonLd([newsArticleJsonLd(article, settings), breadcrumbJsonLd(articleCrumbs(article), settings)])} />
  );
}
