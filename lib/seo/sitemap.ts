import 'server-only';

import type { ArticleSummary, Author, Category, Tag } from '@/lib/content';
import { articlePath, authorPath, categoryPath, HOME_PATH, SITEMAP_PATH, sitemapPartPath, tagPath } from '@/lib/routes';
import { newestChange } from '@/lib/seo/dates';
import { element, escapeXml, XML_DECLARATION } from '@/lib/seo/xml';
import { absoluteUrl, type Settings } from '@/lib/settings';

/** The sitemaps.org limit of URLs in one file (the 50 MB size limit is far off at this URL length). */
export const SITEMAP_URL_LIMIT = 50_000;

/** A page of the sitemap; a story told in several languages lists every version (itself included) as `alternates`. */
export type SitemapEntry = { path: string; lastModified?: string; alternates?: Array<{ lang: string; path: string }> };

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
  const versions = new Map<string, Array<{ lang: string; path: string }>>();
  for (const article of input.articles) {
    const original = article.translationOf ?? article.slug;
    const list = versions.get(original) ?? [];
    list.push({ lang: article.lang, path: articlePath(article.slug) });
    versions.set(original, list);
  }

  for (const article of input.articles) {
    const iso = article.updated ?? article.date;
    const change = { time: Date.parse(iso), iso };
    newest = later(newest, change);
    for (const category of article.categories) byCategory.set(category.slug, later(byCategory.get(category.slug), change));
    for (const tag of article.tags) byTag.set(tag.slug, later(byTag.get(tag.slug), change));
    for (const author of article.authors) byAuthor.set(author.id, later(byAuthor.get(author.id), change));
    const alternates = versions.get(article.translationOf ?? article.slug) ?? [];
    articles.push({
      path: articlePath(article.slug),
      lastModified: iso,
      ...(alternates.length > 1 ? { alternates: [...alternates].sort((a, b) => (a.lang < b.lang ? -1 : 1)) } : {}),
    });
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
const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

function locAndLastmod(path: string, lastModified: string | undefined, settings: Pick<Settings, 'siteUrl'>): string {
  return `${element('loc', absoluteUrl(path, settings))}${lastModified ? element('lastmod', lastModified) : ''}`;
}

export function renderUrlset(entries: readonly SitemapEntry[], settings: Pick<Settings, 'siteUrl'>): string {
  const urls = entries.map((entry) => {
    const links = (entry.alternates ?? []).map(
      (version) =>
        `<xhtml:link rel="alternate" hreflang="${escapeXml(version.lang)}" href="${escapeXml(absoluteUrl(version.path, settings))}"/>`,
    );
    return `<url>${locAndLastmod(entry.path, entry.lastModified, settings)}${links.join('')}</url>`;
  });
  // Google's hreflang in sitemaps: xhtml:link elements, with their namespace declared only when used.
  const namespaces = entries.some((entry) => entry.alternates?.length)
    ? `xmlns="${SITEMAP_NAMESPACE}" xmlns:xhtml="${XHTML_NAMESPACE}"`
    : `xmlns="${SITEMAP_NAMESPACE}"`;
  return [XML_DECLARATION, `<urlset ${namespaces}>`, ...urls, '</urlset>', ''].join('\n');
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
