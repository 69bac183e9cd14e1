import type { Article, ArticleSummary, Author, Category, Tag } from '@/lib/content';
import type { Settings } from '@/lib/settings';

export const SETTINGS: Settings = {
  siteUrl: 'https://news.example.com',
  siteName: 'Dateline',
  siteDescription: 'Politics & security, explained.',
  siteLang: 'en',
  publisherName: 'Dateline Media',
  publisherLogo: 'https://news.example.com/logo.png',
  prerenderRecent: 2_000,
};

export const POLITICS: Category = { slug: 'politics', name: 'Politics', description: 'Parliament & parties.' };
export const SECURITY: Category = { slug: 'security', name: 'Security', description: 'Conflict and policing.' };
export const JANE: Author = { id: 'jane-doe', name: 'Jane Doe', role: 'Correspondent', bio: 'Covers parliament.' };
export const OMAR: Author = { id: 'omar-khan', name: 'Omar Khan', bio: 'Edits the desk.' };
export const BUDGET: Tag = { slug: 'budget', name: 'Budget' };
export const WATER: Tag = { slug: 'water', name: 'Water' };

export function summary(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    slug: 'budget-vote',
    title: 'Parliament passes budget',
    date: '2026-11-02T05:00:00.000Z',
    corrections: [],
    authors: [JANE],
    categories: [POLITICS],
    tags: [BUDGET],
    excerpt: 'The lower house approved the budget.',
    draft: false,
    featured: false,
    lang: 'en',
    dir: 'ltr',
    wordCount: 420,
    readingMinutes: 3,
    ...overrides,
  };
}

export function article(overrides: Partial<Article> = {}): Article {
  return { ...summary(overrides), html: '<p>The vote was 120 to 80.</p>', ...overrides };
}

/** `count` summaries an hour apart, newest first, starting at `newest`. */
export function manySummaries(count: number, newest = Date.parse('2026-11-02T05:00:00.000Z')): ArticleSummary[] {
  return Array.from({ length: count }, (_unused, index) =>
    summary({ slug: `story-${index + 1}`, title: `Story ${index + 1}`, date: new Date(newest - index * 3_600_000).toISOString() }),
  );
}
