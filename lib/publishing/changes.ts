import 'server-only';

import type { ContentIndex, ContentSnapshot } from '@/lib/content';
import {
  articlePath,
  ATOM_PATH,
  authorPath,
  categoryFeedPath,
  categoryPath,
  CORRECTIONS_PATH,
  HOME_PATH,
  JSON_FEED_PATH,
  NEWS_SITEMAP_PATH,
  pagedPath,
  RSS_PATH,
  SITEMAP_PATH,
  sitemapPartPath,
  socialImagePath,
  tagPath,
} from '@/lib/routes';
import { SITEMAP_URL_LIMIT } from '@/lib/seo';

export type ContentChanges = {
  /** True when every page may show what changed (a category, an author, or no earlier load to compare with). */
  everything: boolean;
  /** Site paths of the pages that show a changed article, each once. */
  paths: string[];
  /** Articles out now that were not before: new files, and scheduled ones whose time came. */
  published: string[];
  updated: string[];
  /** Articles out before that are not now: deleted files, new drafts, dates moved ahead. */
  withdrawn: string[];
};

type Listings = { categories: Set<string>; tags: Set<string>; authors: Set<string> };

/**
 * The pages to regenerate after the content went from `before` to `after`:
 * each changed article, the articles beside it, every page of the front page
 * and of each archive it is or was in (positions shift), the feeds and the
 * sitemaps. Other articles' "related" lists wait for their hourly regeneration.
 */
export function pagesShowingChanges(before: ContentSnapshot | undefined, after: ContentSnapshot): ContentChanges {
  const none: ContentChanges = { everything: false, paths: [], published: [], updated: [], withdrawn: [] };
  if (!before) return { ...none, everything: true, paths: machineOutputs(after, after) };
  const old = before.index.getPublishedVersions(before.at);
  const current = after.index.getPublishedVersions(after.at);
  const changes = { ...none, published: [] as string[], updated: [] as string[], withdrawn: [] as string[] };
  for (const [slug, hash] of current) {
    const previous = old.get(slug);
    if (previous === undefined) changes.published.push(slug);
    else if (previous !== hash) changes.updated.push(slug);
  }
  for (const slug of old.keys()) if (!current.has(slug)) changes.withdrawn.push(slug);

  const sameAround =
    JSON.stringify(before.index.getCategories()) === JSON.stringify(after.index.getCategories()) &&
    JSON.stringify(before.index.getAuthors()) === JSON.stringify(after.index.getAuthors());
  const oldRedirects = new Set(before.index.getRedirectedSlugs(before.at));
  const newRedirects = new Set(after.index.getRedirectedSlugs(after.at));
  const movedSlugs = [...oldRedirects, ...newRedirects].filter((slug) => oldRedirects.has(slug) !== newRedirects.has(slug));
  const changed = [...changes.published, ...changes.updated, ...changes.withdrawn];
  // Every page shows the breaking strip: one starting, changing or ending is a change to all of them.
  const sameStrip = breakingKey(before) === breakingKey(after);
  if (!sameAround || !sameStrip) return { ...changes, everything: true, paths: machineOutputs(before, after) };
  const leads = changedLeads(before, after);
  if (changed.length === 0 && movedSlugs.length === 0 && leads.length === 0) return changes;

  const paths = new Set<string>([...movedSlugs.map(articlePath), ...leads]);
  const listings: Listings = { categories: new Set(), tags: new Set(), authors: new Set() };
  for (const slug of changed) {
    paths.add(articlePath(slug));
    paths.add(socialImagePath(slug));
    for (const { index, at } of [before, after]) {
      const summary = index.getSummary(slug, at);
      if (!summary) continue;
      summary.categories.forEach((category) => listings.categories.add(category.slug));
      summary.tags.forEach((tag) => listings.tags.add(tag.slug));
      summary.authors.forEach((author) => listings.authors.add(author.id));
      const { previous, next } = index.getNeighbours(slug, at);
      if (previous) paths.add(articlePath(previous.slug));
      if (next) paths.add(articlePath(next.slug));
      // The story's other versions link it ("Also in") and name it as an hreflang alternate.
      for (const version of index.getTranslations(slug, at)) paths.add(articlePath(version.slug));
    }
  }

  const pages = (basePath: string, count: (index: ContentIndex, at: Date) => number | undefined) => {
    const total = Math.max(count(before.index, before.at) ?? 1, count(after.index, after.at) ?? 1);
    for (let page = 1; page <= total; page += 1) paths.add(pagedPath(basePath, page));
  };
  pages(HOME_PATH, (index, at) => index.getLatestArticles(1, at)?.totalPages);
  for (const slug of listings.categories) {
    pages(categoryPath(slug), (index, at) => index.getArticlesByCategory(slug, 1, at)?.totalPages);
    paths.add(categoryFeedPath(slug));
  }
  for (const slug of listings.tags) pages(tagPath(slug), (index, at) => index.getArticlesByTag(slug, 1, at)?.totalPages);
  for (const id of listings.authors) pages(authorPath(id), (index, at) => index.getArticlesByAuthor(id, 1, at)?.totalPages);
  for (const path of machineOutputs(before, after)) paths.add(path);
  // Any changed article may add, drop or change a correction.
  paths.add(CORRECTIONS_PATH);
  return { ...changes, paths: [...paths] };
}

/** What the breaking strip shows at the snapshot's time. */
function breakingKey({ index, at }: ContentSnapshot): string {
  return JSON.stringify(index.getBreakingNews(at).map((summary) => [summary.slug, summary.breaking, summary.title]));
}

/** The front page and section pages whose featured lead differs between the two snapshots (their first pages). */
function changedLeads(before: ContentSnapshot, after: ContentSnapshot): string[] {
  const lead = ({ index, at }: ContentSnapshot, category?: string) => index.getFeatured(at, category)?.slug ?? null;
  const paths = lead(before) === lead(after) ? [] : [HOME_PATH];
  const categories = new Set([...before.index.getCategories(), ...after.index.getCategories()].map((category) => category.slug));
  for (const slug of categories) if (lead(before, slug) !== lead(after, slug)) paths.push(categoryPath(slug));
  return paths;
}

/** Feeds and sitemaps, which list every recent or every published article. */
function machineOutputs(before: ContentSnapshot, after: ContentSnapshot): string[] {
  const parts = Math.max(sitemapParts(before), sitemapParts(after));
  const partPaths = parts > 1 ? Array.from({ length: parts }, (_, index) => sitemapPartPath(index + 1)) : [];
  return [RSS_PATH, ATOM_PATH, JSON_FEED_PATH, SITEMAP_PATH, NEWS_SITEMAP_PATH, ...partPaths];
}

/** How many files the sitemap of `snapshot` takes (see lib/seo/sitemap.ts). */
function sitemapParts({ index, at }: ContentSnapshot): number {
  const urls = 1 + index.getCategories().length + index.getTags(at).length + index.getAuthors().length + index.getStats(at).published;
  return Math.ceil(urls / SITEMAP_URL_LIMIT);
}
