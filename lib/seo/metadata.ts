import 'server-only';

import type { Metadata } from 'next';

import type { ArticleSummary, Category } from '@/lib/content';
import { articlePath, ATOM_PATH, authorPath, categoryFeedPath, HOME_PATH, JSON_FEED_PATH, pagedPath, RSS_PATH } from '@/lib/routes';
import { articleImageUrl } from '@/lib/seo/json-ld';
import { absoluteUrl, type Settings } from '@/lib/settings';
import { site } from '@/lib/site';

// Next.js metadata objects for each kind of page. Metadata merges shallowly:
// a page that sets `alternates` (for its canonical URL) replaces the layout's
// whole `alternates`, so every builder repeats the feed autodiscovery links.

type Alternates = NonNullable<Metadata['alternates']>;

/** Generated social images are 1200×630. */
export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** `<link rel="alternate">` for the site's feeds, and for a category's own RSS feed. */
export function feedAlternates(settings: Settings, category?: Pick<Category, 'slug' | 'name'>): NonNullable<Alternates['types']> {
  return {
    'application/rss+xml': [
      { url: absoluteUrl(RSS_PATH, settings), title: `${settings.siteName} (RSS)` },
      ...(category
        ? [{ url: absoluteUrl(categoryFeedPath(category.slug), settings), title: `${category.name} | ${settings.siteName} (RSS)` }]
        : []),
    ],
    'application/atom+xml': [{ url: absoluteUrl(ATOM_PATH, settings), title: `${settings.siteName} (Atom)` }],
    'application/feed+json': [{ url: absoluteUrl(JSON_FEED_PATH, settings), title: `${settings.siteName} (JSON Feed)` }],
  };
}

/** For the root layout: the base of every relative metadata URL, the title template and the defaults. */
export function siteMetadata(settings: Settings): Metadata {
  const defaultTitle = `${settings.siteName}: ${site.tagline}`;
  return {
    metadataBase: new URL(settings.siteUrl),
    title: { default: defaultTitle, template: `%s | ${settings.siteName}` },
    description: settings.siteDescription,
    applicationName: settings.siteName,
    alternates: { types: feedAlternates(settings) },
    openGraph: {
      type: 'website',
      siteName: settings.siteName,
      title: defaultTitle,
      description: settings.siteDescription,
      url: absoluteUrl(HOME_PATH, settings),
    },
    twitter: { card: 'summary_large_image' },
  };
}

/**
 * `hreflang` alternates of a story told in several languages: each version's
 * address under its language tag, this one's included, as search engines
 * want them on every version. Empty for an article in one language.
 */
export function languageAlternates(
  article: Pick<ArticleSummary, 'slug' | 'lang'>,
  translations: readonly Pick<ArticleSummary, 'slug' | 'lang'>[],
  settings: Pick<Settings, 'siteUrl'>,
): Record<string, string> {
  if (translations.length === 0) return {};
  const versions = [article, ...translations].sort((a, b) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0));
  return Object.fromEntries(versions.map((version) => [version.lang, absoluteUrl(articlePath(version.slug), settings)]));
}

export function articleMetadata(
  article: ArticleSummary,
  settings: Settings,
  translations: readonly Pick<ArticleSummary, 'slug' | 'lang'>[] = [],
): Metadata {
  const url = absoluteUrl(articlePath(article.slug), settings);
  const languages = languageAlternates(article, translations, settings);
  const primary = article.categories[0];
  const imageUrl = articleImageUrl(article, settings);
  const image = article.image
    ? { url: imageUrl, width: article.image.width, height: article.image.height, alt: article.image.alt }
    : { url: imageUrl, ...SOCIAL_IMAGE_SIZE, alt: article.title };
  const modified = article.updated ?? article.date;
  return {
    title: article.title,
    description: article.excerpt,
    authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(authorPath(author.id), settings) })),
    keywords: article.tags.map((tag) => tag.name),
    alternates: {
      canonical: url,
      types: feedAlternates(settings, primary),
      ...(Object.keys(languages).length > 0 ? { languages } : {}),
    },
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description: article.excerpt,
      siteName: settings.siteName,
      publishedTime: article.date,
      modifiedTime: modified,
      ...(primary ? { section: primary.name } : {}),
      tags: article.tags.map((tag) => tag.name),
      authors: article.authors.map((author) => absoluteUrl(authorPath(author.id), settings)),
      images: [image],
    },
    twitter: {
      card: 'summary_large_image',
      title: article.title,
      description: article.excerpt,
      images: [{ url: image.url, alt: image.alt }],
    },
  };
}

export type ArchiveMetadataInput = {
  /** Shown in the title; the home page leaves it out to use the site's default title. */
  title?: string;
  description: string;
  /** The listing's first page, e.g. `/`, `/category/politics`. */
  basePath: string;
  page: number;
  /** A category archive also advertises the category's own feed. */
  category?: Pick<Category, 'slug' | 'name'>;
};

/**
 * Listings: the home page and category, tag and author archives. Later pages
 * repeat what the sitemap already lists, so they are `noindex, follow`: links
 * are still followed, and each page stays its own canonical.
 */
export function archiveMetadata(input: ArchiveMetadataInput, settings: Settings): Metadata {
  const url = absoluteUrl(pagedPath(input.basePath, input.page), settings);
  const later = input.page > 1;
  const name = input.title ?? 'Latest news';
  const title = later ? `${name} (page ${input.page})` : input.title;
  return {
    ...(title ? { title } : {}),
    description: input.description,
    alternates: { canonical: url, types: feedAlternates(settings, input.category) },
    ...(later ? { robots: { index: false, follow: true } } : {}),
    openGraph: {
      type: 'website',
      url,
      title: title ?? `${settings.siteName}: ${site.tagline}`,
      description: input.description,
      siteName: settings.siteName,
    },
  };
}
