import { getPublishedSlugs, getRedirectedSlugs } from '@/lib/content';
import { getSettings } from '@/lib/settings';
import { site } from '@/lib/site';

import type { ListingSource } from './listings';
import { laterPageParams } from './page-param';

// The build prerenders the PRERENDER_RECENT newest articles and the listing
// pages that show them (the first five of each listing at most); everything
// older renders on first request and is cached from then on, so the build
// stops growing with the archive.

let recent: Set<string> | undefined;

/** Slugs of the newest published articles the build prerenders. */
export function recentArticleSlugs(): string[] {
  return getPublishedSlugs().slice(0, getSettings().prerenderRecent);
}

function recentSet(): Set<string> {
  recent ??= new Set(recentArticleSlugs());
  return recent;
}

/** Article paths for the build: recent articles, and old slugs that redirect to one of them. */
export function prerenderedArticleParams(): { slug: string }[] {
  return [...recentArticleSlugs(), ...getRedirectedSlugs()].map((slug) => ({ slug }));
}

function showsRecent(source: ListingSource, key: string, page: number): boolean {
  const items = source.load(key, page)?.result.items ?? [];
  return items.some((item) => recentSet().has(item.slug));
}

/** Listings (by key) whose first page shows a recent article; every listing when none is excluded. */
export function prerenderedListingKeys(source: ListingSource): string[] {
  // A listing with nothing in it yet still has its first page (see listings.ts).
  return source.keys().filter((key) => (source.load(key, 1)?.result.items.length ?? 0) === 0 || showsRecent(source, key, 1));
}

/** `(key, page)` pairs past the first page that show a recent article; newest first, so they are a prefix. */
export function prerenderedLaterPages(source: ListingSource): { key: string; page: string }[] {
  return prerenderedListingKeys(source).flatMap((key) => {
    const totalPages = Math.min(source.load(key, 1)?.result.totalPages ?? 1, site.prerenderedListingPages);
    const pages: { key: string; page: string }[] = [];
    for (const page of laterPageParams(totalPages)) {
      if (!showsRecent(source, key, Number(page))) break;
      pages.push({ key, page });
    }
    return pages;
  });
}
