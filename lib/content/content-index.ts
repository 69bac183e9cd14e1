import 'server-only';

import { createHash } from 'node:crypto';

import type { ArticleRecord } from '@/lib/content/load-articles';
import type { Article, ArticleSummary, Author, Category, Correction, RemovedArticle, Tag } from '@/lib/content/schema';
import { site } from '@/lib/site';

export type Paginated<T> = { items: T[]; page: number; totalPages: number; totalItems: number; pageSize: number };
export type Neighbours = { previous: ArticleSummary | null; next: ArticleSummary | null };
export type ContentStats = { articles: number; drafts: number; scheduled: number; published: number; authors: number; categories: number };

/**
 * Queries over the loaded content. `now` decides what is scheduled: an
 * article whose date is after `now` is neither listed nor served.
 */
export type ContentIndex = {
  getLatestArticles(page?: number, now?: Date): Paginated<ArticleSummary> | null;
  getArticle(slug: string, now?: Date): Article | null;
  /** The article without its body, so nothing is rendered or read. */
  getSummary(slug: string, now?: Date): ArticleSummary | null;
  getPublishedSlugs(now?: Date): string[];
  getCategories(): Category[];
  getCategory(slug: string): Category | null;
  getArticlesByCategory(slug: string, page?: number, now?: Date): Paginated<ArticleSummary> | null;
  getTags(now?: Date): Tag[];
  getTag(slug: string, now?: Date): Tag | null;
  getArticlesByTag(slug: string, page?: number, now?: Date): Paginated<ArticleSummary> | null;
  getAuthors(): Author[];
  getAuthor(id: string): Author | null;
  getArticlesByAuthor(id: string, page?: number, now?: Date): Paginated<ArticleSummary> | null;
  getNeighbours(slug: string, now?: Date): Neighbours;
  getRelatedArticles(slug: string, limit?: number, now?: Date): ArticleSummary[];
  getStats(now?: Date): ContentStats;
  /** The slug an old slug (from `redirectFrom`) now leads to, once that article is out. */
  getRedirect(oldSlug: string, now?: Date): string | null;
  /** Old slugs whose article is out, for prerendering their redirects. */
  getRedirectedSlugs(now?: Date): string[];
  /** The newest corrections of published articles, newest first, at most `limit`. */
  getRecentCorrections(limit: number, now?: Date): Array<{ article: ArticleSummary; correction: Correction }>;
  /** The old slugs (`redirectFrom`) that lead to this article, once it is out. */
  getOldSlugs(slug: string, now?: Date): string[];
  getRemovedArticle(slug: string): RemovedArticle | null;
  getRemovedArticles(): RemovedArticle[];
  /** Slug → content hash of every article out at `now`, to tell what changed between two loads. */
  getPublishedVersions(now?: Date): Map<string, string>;
  /**
   * The featured article that leads the front page (or the page of category
   * `categorySlug`, whose articles it leads when it is their primary
   * category) at `now`: the newest one out whose `featuredUntil` has not passed.
   */
  getFeatured(now?: Date, categorySlug?: string): ArticleSummary | null;
  /** The other versions of the story in other languages (`translationOf`), out at `now`, by language tag. */
  getTranslations(slug: string, now?: Date): ArticleSummary[];
  /** Articles out at `now` whose breaking strip still shows, newest first. */
  getBreakingNews(now?: Date): ArticleSummary[];
  /**
   * The first moment after `now` when what readers see changes by the clock
   * alone: a scheduled article comes out, or a featured lead or a breaking
   * strip ends. In ms since the epoch; null when nothing is waiting.
   */
  getNextPublicationTime(now?: Date): number | null;
  /** A hash of everything a page can show, to tell whether two loads read the same content. */
  getFingerprint(): string;
};

/** What the loader needs to find an article's body. */
export type BodySource = Pick<ArticleRecord, 'hash' | 'file'>;

export type IndexInput = {
  categories: Category[];
  authors: Author[];
  articles: ArticleRecord[];
  /** Old slug → current slug. */
  redirects?: ReadonlyMap<string, string>;
  removed?: readonly RemovedArticle[];
  /** The HTML of an article's body; the loader decides where it comes from. */
  readBody: (article: BodySource) => string;
};

/** Position in the newest-first order: a smaller rank is newer. */
type Entry = ArticleRecord & { rank: number };

const HTML_CACHE_SIZE = 500;
const tagCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function createContentIndex(input: IndexInput): ContentIndex {
  const entries: Entry[] = [...input.articles]
    .sort((a, b) => b.time - a.time || compareText(a.summary.slug, b.summary.slug))
    .map((record, rank) => ({ ...record, rank }));
  const bySlug = new Map(entries.map((entry) => [entry.summary.slug, entry]));

  const categories = new Map(input.categories.map((category) => [category.slug, category]));
  const authors = new Map(input.authors.map((author) => [author.id, author]));
  const byCategory = new Map<string, Entry[]>(input.categories.map((category) => [category.slug, []]));
  const byAuthor = new Map<string, Entry[]>(input.authors.map((author) => [author.id, []]));
  const byTag = new Map<string, Entry[]>();
  const tags = new Map<string, Tag>();
  for (const entry of entries) {
    for (const category of entry.summary.categories) byCategory.get(category.slug)?.push(entry);
    for (const author of entry.summary.authors) byAuthor.get(author.id)?.push(entry);
    for (const tag of entry.summary.tags) {
      tags.set(tag.slug, tags.get(tag.slug) ?? tag);
      const list = byTag.get(tag.slug) ?? [];
      list.push(entry);
      byTag.set(tag.slug, list);
    }
  }
  // Few articles are promoted at once; these short lists keep the checks off the whole archive.
  const featured = entries.filter((entry) => entry.summary.featured);
  const breaking = entries.filter((entry) => entry.summary.breaking !== undefined);
  const endTimes = [
    ...featured.flatMap((entry) => (entry.summary.featuredUntil ? [Date.parse(entry.summary.featuredUntil)] : [])),
    ...breaking.map((entry) => Date.parse(entry.summary.breaking?.until ?? '')),
  ].sort((a, b) => a - b);
  const isOut = (entry: Entry, now: Date) => entry.time <= now.getTime();
  // Each story's versions, keyed by the original's slug (which may be a draft left out).
  const versions = new Map<string, Entry[]>();
  for (const entry of entries) {
    const original = entry.summary.translationOf ?? entry.summary.slug;
    const list = versions.get(original);
    if (list) list.push(entry);
    else versions.set(original, [entry]);
  }
  const sortedTags = [...tags.values()].sort((a, b) => tagCollator.compare(a.name, b.name) || compareText(a.slug, b.slug));
  const html = new Map<string, string>();
  let fingerprint: string | undefined;
  const redirects = new Map(input.redirects ?? []);
  const removed = new Map((input.removed ?? []).map((entry) => [entry.slug, entry]));

  /** Rank of the newest article that is out at `now`; everything before it is scheduled. */
  const firstPublished = (now: Date): number => {
    const time = now.getTime();
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((entries[middle]?.time ?? 0) > time) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  /** Index of the first entry in `list` (ordered by rank) that is published. */
  const publishedStart = (list: readonly Entry[], first: number): number => {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((list[middle]?.rank ?? 0) < first) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  const paginate = (list: readonly Entry[], page: number | undefined, now: Date): Paginated<ArticleSummary> | null => {
    const current = page ?? 1;
    const start = publishedStart(list, firstPublished(now));
    const totalItems = list.length - start;
    const pageSize = site.pageSize;
    const totalPages = Math.max(1, Math.ceil(totalItems / pageSize));
    if (!Number.isInteger(current) || current < 1 || current > totalPages) return null;
    const from = start + (current - 1) * pageSize;
    const items = list.slice(from, from + pageSize).map((entry) => entry.summary);
    return { items, page: current, totalPages, totalItems, pageSize };
  };

  const published = (slug: string, now: Date): Entry | undefined => {
    const entry = bySlug.get(slug);
    return entry && entry.time <= now.getTime() ? entry : undefined;
  };

  const hasPublished = (list: readonly Entry[] | undefined, now: Date): boolean => {
    const oldest = list?.[list.length - 1];
    return oldest !== undefined && oldest.rank >= firstPublished(now);
  };

  const renderBody = (entry: Entry): string => {
    const cached = html.get(entry.summary.slug);
    if (cached !== undefined) {
      html.delete(entry.summary.slug);
      html.set(entry.summary.slug, cached);
      return cached;
    }
    const rendered = input.readBody(entry);
    html.set(entry.summary.slug, rendered);
    // Bounded, so a long-running server with a large archive does not keep every body.
    if (html.size > HTML_CACHE_SIZE) html.delete(html.keys().next().value ?? '');
    return rendered;
  };

  return {
    getLatestArticles: (page, now = new Date()) => paginate(entries, page, now),

    getArticle: (slug, now = new Date()) => {
      const entry = published(slug, now);
      return entry ? { ...entry.summary, html: renderBody(entry) } : null;
    },

    getSummary: (slug, now = new Date()) => published(slug, now)?.summary ?? null,

    getPublishedSlugs: (now = new Date()) => entries.slice(firstPublished(now)).map((entry) => entry.summary.slug),

    getCategories: () => [...categories.values()],
    getCategory: (slug) => categories.get(slug) ?? null,
    getArticlesByCategory: (slug, page, now = new Date()) => {
      const list = byCategory.get(slug);
      return list ? paginate(list, page, now) : null;
    },

    getTags: (now = new Date()) => sortedTags.filter((tag) => hasPublished(byTag.get(tag.slug), now)),
    getTag: (slug, now = new Date()) => {
      const tag = tags.get(slug);
      return tag && hasPublished(byTag.get(slug), now) ? tag : null;
    },
    getArticlesByTag: (slug, page, now = new Date()) => {
      const list = byTag.get(slug);
      return list && hasPublished(list, now) ? paginate(list, page, now) : null;
    },

    getAuthors: () => [...authors.values()],
    getAuthor: (id) => authors.get(id) ?? null,
    getArticlesByAuthor: (id, page, now = new Date()) => {
      const list = byAuthor.get(id);
      return list ? paginate(list, page, now) : null;
    },

    getNeighbours: (slug, now = new Date()) => {
      const entry = published(slug, now);
      if (!entry) return { previous: null, next: null };
      const newer = entries[entry.rank - 1];
      return {
        previous: entries[entry.rank + 1]?.summary ?? null,
        next: newer && newer.time <= now.getTime() ? newer.summary : null,
      };
    },

    getRelatedArticles: (slug, limit = site.relatedCount, now = new Date()) => {
      const entry = published(slug, now);
      if (!entry || !Number.isInteger(limit) || limit < 1) return [];
      const first = firstPublished(now);
      const lists = [
        ...entry.summary.categories.map((category) => byCategory.get(category.slug) ?? []),
        ...entry.summary.tags.map((tag) => byTag.get(tag.slug) ?? []),
      ];
      return mergeNewestFirst(lists, first, limit, entry.rank).map((related) => related.summary);
    },

    getStats: (now = new Date()) => ({
      articles: entries.length,
      drafts: entries.filter((entry) => entry.summary.draft).length,
      scheduled: firstPublished(now),
      published: entries.length - firstPublished(now),
      authors: authors.size,
      categories: categories.size,
    }),

    getRedirect: (oldSlug, now = new Date()) => {
      const target = redirects.get(oldSlug);
      return target !== undefined && published(target, now) ? target : null;
    },
    getRedirectedSlugs: (now = new Date()) =>
      [...redirects].filter(([, target]) => published(target, now)).map(([oldSlug]) => oldSlug),
    getRecentCorrections: (limit, now = new Date()) =>
      entries
        .slice(firstPublished(now))
        .flatMap((entry) => entry.summary.corrections.map((correction) => ({ article: entry.summary, correction })))
        .filter(({ correction }) => Date.parse(correction.date) <= now.getTime())
        .sort((a, b) => Date.parse(b.correction.date) - Date.parse(a.correction.date) || compareText(a.article.slug, b.article.slug))
        .slice(0, limit),
    getOldSlugs: (slug, now = new Date()) =>
      published(slug, now) ? [...redirects].filter(([, target]) => target === slug).map(([oldSlug]) => oldSlug) : [],
    getRemovedArticle: (slug) => removed.get(slug) ?? null,
    getRemovedArticles: () => [...removed.values()],
    getPublishedVersions: (now = new Date()) =>
      new Map(entries.slice(firstPublished(now)).map((entry) => [entry.summary.slug, entry.hash])),
    getFingerprint: () => {
      fingerprint ??= createHash('sha256')
        .update(JSON.stringify([entries.map((entry) => [entry.summary.slug, entry.hash, entry.time]), input.categories, input.authors]))
        .update(JSON.stringify([[...redirects], [...removed]]))
        .digest('hex');
      return fingerprint;
    },
    getFeatured: (now = new Date(), categorySlug) =>
      featured.find(
        (entry) =>
          isOut(entry, now) &&
          (entry.summary.featuredUntil === undefined || Date.parse(entry.summary.featuredUntil) > now.getTime()) &&
          (categorySlug === undefined || entry.summary.categories[0]?.slug === categorySlug),
      )?.summary ?? null,
    getTranslations: (slug, now = new Date()) => {
      const entry = published(slug, now);
      if (!entry) return [];
      return (versions.get(entry.summary.translationOf ?? slug) ?? [])
        .filter((other) => other !== entry && isOut(other, now))
        .map((other) => other.summary)
        .sort((a, b) => compareText(a.lang, b.lang));
    },
    getBreakingNews: (now = new Date()) =>
      breaking
        .filter((entry) => isOut(entry, now) && Date.parse(entry.summary.breaking?.until ?? '') > now.getTime())
        .map((entry) => entry.summary),
    getNextPublicationTime: (now = new Date()) => {
      const first = firstPublished(now);
      const scheduled = first > 0 ? (entries[first - 1]?.time ?? null) : null;
      const ending = endTimes.find((time) => time > now.getTime()) ?? null;
      if (scheduled === null || ending === null) return scheduled ?? ending;
      return Math.min(scheduled, ending);
    },
  };

  /** The newest `limit` published entries across rank-ordered lists, without `exclude` or repeats. */
  function mergeNewestFirst(lists: readonly Entry[][], first: number, limit: number, exclude: number): Entry[] {
    const positions = lists.map((list) => publishedStart(list, first));
    const result: Entry[] = [];
    let lastRank = -1;
    while (result.length < limit) {
      let best = -1;
      for (let index = 0; index < lists.length; index += 1) {
        const candidate = lists[index]?.[positions[index] ?? 0];
        const bestEntry = best === -1 ? undefined : lists[best]?.[positions[best] ?? 0];
        if (candidate && (!bestEntry || candidate.rank < bestEntry.rank)) best = index;
      }
      if (best === -1) break;
      const chosen = lists[best]?.[positions[best] ?? 0];
      positions[best] = (positions[best] ?? 0) + 1;
      if (!chosen || chosen.rank === exclude || chosen.rank === lastRank) continue;
      result.push(chosen);
      lastRank = chosen.rank;
    }
    return result;
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
