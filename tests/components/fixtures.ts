import type { ArticleSummary, Author, Category } from '@/lib/content';

export const politics: Category = { slug: 'politics', name: 'Politics', description: 'Parties, parliaments and power.' };
export const security: Category = { slug: 'security', name: 'Security', description: 'Conflict and policing.' };
export const region: Category = { slug: 'region', name: 'Region', description: 'The neighbourhood.' };

export const amina: Author = { id: 'amina-rahimi', name: 'Amina Rahimi', role: 'Kabul correspondent', bio: 'Reports from Kabul.' };
export const omar: Author = { id: 'omar-siddiqi', name: 'Omar Siddiqi', bio: 'Covers the border.' };

export function makeArticle(overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    slug: 'border-talks-resume',
    title: 'Border talks resume after a week of clashes',
    date: '2026-11-02T04:30:00.000Z',
    corrections: [],
    authors: [amina],
    categories: [security, politics],
    tags: [{ slug: 'border', name: 'border' }],
    excerpt: 'Delegations met again on Sunday to discuss the crossing points.',
    draft: false,
    featured: false,
    lang: 'en',
    dir: 'ltr',
    wordCount: 640,
    readingMinutes: 4,
    ...overrides,
  };
}
