import 'server-only';

import type { ArticleSummary, Author, Category, Tag } from '@/lib/content';
import { articlePath, authorPath, categoryPath, HOME_PATH, SITEMAP_PATH, sitemapPartPath, tagPath } from '@/lib/routes';
import { newestChange } from '@/lib/seo/dates';
import { element, XML_DECLARATION } from '@/lib/seo/xml';
import { absoluteUrl, type Settings } from '@/lib/settings';

/** The sitemaps.org limit of URLs in one file (the 50 MB size limit is far off at this URL length). */
export const SITEMAP_URL_LIMIT = 50_000;

export type SitemapEntry = { path: string; lastModified?: string };

export type SitemapInput = {
  /** Published articles, not drafts. */
  articles: readonly ArticleSummary[];
  categories: readonly Category[];
  tags: readonly Tag[];
  authors: readonly Author[];
};

/** One file of a sitemap: `/sitemap.xml` itself when one is enough, else `/sitemaps/N.xml`. */
export type SitemapPart = { path: string; entries: SitemapEntry[]; lastModified?: string };

type Newest = { time: number; iso: string };

/**
 * Every indexable page: home, each category, tag and author archive, each
 * article. An archive's `lastmod` is the newest change among its articles;
 * an archive with no articles has none.
 */
export function sitemapEntries(input: SitemapInput): SitemapEntry[] {
  const byCategory = new Map<string, Newest>();
  const byTag = new Map<string, Newest>();
  const byAuthor = new Map<string, Newest>();
  let newest: Newest | undefined;
  const articles: SitemapEntry[] = [];

  for (const article of input.articles) {
    const iso = article.updated ?? article.date;
    const change = { time: Date.parse(iso), iso };
    newest = later(newest, change);
    for (const category of article.categories) byCategory.set(category.slug, later(byCategory.get(category.slug), change));
    for (const tag of article.tags) byTag.set(tag.slug, later(byTag.get(tag.slug), change));
    for (const author of article.authors) byAuthor.set(author.id, later(byAuthor.get(author.id), change));
    articles.push({ path: articlePath(article.slug), lastModified: iso });
  }

  const archive = (path: string, change: Newest | undefined): SitemapEntry => (change ? { path, lastModified: change.iso } : { path });
  return [
    archive(HOME_PATH, newest),
    ...input.categories.map((category) => archive(categoryPath(category.slug), byCategory.get(category.slug))),
    ...input.tags.map((tag) => archive(tagPath(tag.slug), byTag.get(tag.slug))),
    ...input.authors.map((author) => archive(authorPath(author.id), byAuthor.get(author.id))),
    ...articles,
  ];
}

function later(current: Newest | undefined, candidate: Newest): Newest {
  return current && current.time >= candidate.time ? current : candidate;
}

/** Splits entries into files of at most `limit` URLs. */
export function splitSitemap(entries: readonly SitemapEntry[], limit: number = SITEMAP_URL_LIMIT): SitemapPart[] {
  if (entries.length <= limit) return [part(SITEMAP_PATH, entries)];
  const parts: SitemapPart[] = [];
  for (let start = 0; start < entries.length; start += limit) {
    parts.push(part(sitemapPartPath(parts.length + 1), entries.slice(start, start + limit)));
  }
  return parts;
}

function part(path: string, entries: readonly SitemapEntry[]): SitemapPart {
  const lastModified = newestChange(entries.flatMap(({ lastModified: date }) => (date ? [{ date }] : [])));
  return lastModified ? { path, entries: [...entries], lastModified } : { path, entries: [...entries] };
}

const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function locAndLastmod(path: string, lastModified: string | undefined, settings: Pick<Settings, 'siteUrl'>): string {
  return `${element('loc', absoluteUrl(path, settings))}${lastModified ? element('lastmod', lastModified) : ''}`;
}

export function renderUrlset(entries: readonly SitemapEntry[], settings: Pick<Settings, 'siteUrl'>): string {
  const urls = entries.map((entry) => `<url>${locAndLastmod(entry.path, entry.lastModified, settings)}</url>`);
  return [XML_DECLARATION, `<urlset xmlns="${SITEMAP_NAMESPACE}">`, ...urls, '</urlset>', ''].join('\n');
}

export function renderSitemapIndex(parts: readonly SitemapPart[], settings: Pick<Settings, 'siteUrl'>): string {
  const sitemaps = parts.map((item) => `<sitemap>${locAndLastmod(item.path, item.lastModified, settings)}</sitemap>`);
  return [XML_DECLARATION, `<sitemapindex xmlns="${SITEMAP_NAMESPACE}">`, ...sitemaps, '</sitemapindex>', ''].join('\n');
}

/** What `/sitemap.xml` serves: the URL set itself, or an index of the parts when there are several. */
export function sitemapRoot(parts: readonly SitemapPart[], settings: Pick<Settings, 'siteUrl'>): { body: string; lastModified?: string } {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only) return { body: renderUrlset(only.entries, settings), lastModified: only.lastModified };
  const lastModified = newestChange(parts.flatMap(({ lastModified: date }) => (date ? [{ date }] : [])));
  return { body: renderSitemapIndex(parts, settings), lastModified };
}
