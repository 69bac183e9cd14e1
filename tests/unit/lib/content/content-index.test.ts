import fs from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { type ArticleSummary, loadContent } from '@/lib/content';

import { BASE_TREE, NOW, article, removeTrees, writeTree } from './helpers';

afterAll(removeTrees);

const pad = (value: number) => String(value).padStart(2, '0');
const story = (number: number) => `story-${pad(number)}`;

/**
 * 23 stories a day apart (story-01 oldest, story-23 on 2026-10-23), all in
 * Politics, odd ones also in Security; two stories with the same time; one
 * scheduled after NOW; one draft; and `lonely`, sharing only a rare tag.
 */
function buildTree(): string {
  const files: Record<string, string> = {
    'categories.yml': `${BASE_TREE['categories.yml']}- name: Economy\n  description: Trade and jobs.\n`,
  };
  for (let number = 1; number <= 23; number += 1) {
    const categories = number % 2 === 1 ? '[Politics, Security]' : '[Politics]';
    const tags = [`t${number % 3}`, ...(number === 5 || number === 12 ? ['rare'] : [])];
    files[`articles/${story(number)}.md`] = article([
      `title: Story ${number}`,
      `date: 2026-10-${pad(number)}T12:00:00Z`,
      `author: ${number % 5 === 0 ? '[j-doe, omar-khan]' : 'j-doe'}`,
      `categories: ${categories}`,
      `tags: [${tags.join(', ')}]`,
    ]);
  }
  for (const slug of ['tie-b', 'tie-a']) {
    files[`articles/${slug}.md`] = article([`title: ${slug}`, 'date: 2026-09-15T08:00:00+04:30', 'author: j-doe', 'categories: Politics']);
  }
  files['articles/future-1.md'] = article([
    'title: Scheduled',
    'date: 2026-12-01T09:00:00+04:30',
    'author: omar-khan',
    'categories: [Politics]',
    'tags: [future-only, t0]',
  ]);
  files['articles/unready.md'] = article([
    'title: Draft',
    'date: 2026-10-30T09:00:00Z',
    'author: omar-khan',
    'categories: [Economy]',
    'tags: [draft-only]',
    'draft: true',
  ]);
  files['articles/lonely.md'] = article([
    'title: Lonely',
    'date: 2026-09-20T09:00:00Z',
    'author: j-doe',
    'categories: [Government]',
    'tags: [rare]',
  ]);
  return writeTree(files);
}

const root = buildTree();
const { index, problems } = loadContent(root);
const slugs = (items: readonly ArticleSummary[] | undefined) => items?.map((item) => item.slug);
const FUTURE_TIME = new Date('2026-12-01T04:30:00Z');

/** All published slugs, newest first, as the queries should see them at NOW. */
const published = [
  ...Array.from({ length: 23 }, (_, offset) => story(23 - offset)),
  'lonely',
  'tie-a',
  'tie-b',
];

describe('the index', () => {
  it('loads without problems', () => {
    expect(problems).toEqual([]);
  });

  it('lists the latest articles newest first, ties by slug, in pages of 10', () => {
    const first = index.getLatestArticles(1, NOW);
    expect(first && { ...first, items: slugs(first.items) }).toEqual({
      items: published.slice(0, 10),
      page: 1,
      totalPages: 3,
      totalItems: 26,
      pageSize: 10,
    });
    expect(slugs(index.getLatestArticles(3, NOW)?.items)).toEqual(['story-03', 'story-02', 'story-01', 'lonely', 'tie-a', 'tie-b']);
    expect(index.getLatestArticles(undefined, NOW)?.page).toBe(1);
    expect(index.getPublishedSlugs(NOW)).toEqual(published);
  });

  it('returns null for pages that do not exist', () => {
    for (const page of [0, -1, 4, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(index.getLatestArticles(page, NOW), `page ${page}`).toBeNull();
    }
  });

  it('has a first page even with no articles', () => {
    const empty = loadContent(writeTree({})).index;
    expect(empty.getLatestArticles(1, NOW)).toEqual({ items: [], page: 1, totalPages: 1, totalItems: 0, pageSize: 10 });
    expect(empty.getLatestArticles(2, NOW)).toBeNull();
    expect(empty.getPublishedSlugs(NOW)).toEqual([]);
    expect(empty.getTags(NOW)).toEqual([]);
  });

  it('serves an article by slug, and null for an unknown one', () => {
    expect(index.getArticle('story-07', NOW)?.title).toBe('Story 7');
    expect(index.getArticle('story-07', NOW)?.html).toBe('<p>Body text.</p>');
    expect(index.getArticle('nope', NOW)).toBeNull();
    expect(index.getArticle('', NOW)).toBeNull();
  });

  it('leaves drafts out when not included', () => {
    expect(index.getArticle('unready', NOW)).toBeNull();
    expect(index.getArticlesByCategory('economy', 1, NOW)?.totalItems).toBe(0);
    expect(index.getTag('draft-only', NOW)).toBeNull();
  });
});

describe('scheduled articles', () => {
  it('are hidden until their time, then listed first', () => {
    expect(index.getArticle('future-1', NOW)).toBeNull();
    expect(index.getPublishedSlugs(NOW)).not.toContain('future-1');
    const justBefore = new Date(FUTURE_TIME.getTime() - 1);
    expect(index.getArticle('future-1', justBefore)).toBeNull();
    // Exactly at its time it is out.
    expect(index.getArticle('future-1', FUTURE_TIME)?.date).toBe('2026-12-01T04:30:00.000Z');
    expect(index.getLatestArticles(1, FUTURE_TIME)?.totalItems).toBe(27);
    expect(slugs(index.getLatestArticles(1, FUTURE_TIME)?.items)?.[0]).toBe('future-1');
  });

  it('keep their tags, category and author pages out until then', () => {
    expect(index.getTag('future-only', NOW)).toBeNull();
    expect(index.getArticlesByTag('future-only', 1, NOW)).toBeNull();
    expect(index.getTags(NOW).map((tag) => tag.slug)).not.toContain('future-only');
    expect(index.getArticlesByAuthor('omar-khan', 1, NOW)?.totalItems).toBe(4);
    expect(slugs(index.getArticlesByTag('future-only', 1, FUTURE_TIME)?.items)).toEqual(['future-1']);
    expect(index.getArticlesByAuthor('omar-khan', 1, FUTURE_TIME)?.totalItems).toBe(5);
    expect(index.getArticlesByCategory('politics', 1, FUTURE_TIME)?.totalItems).toBe(26);
  });

  it('are counted by the stats', () => {
    // 23 stories, 2 ties, lonely and the scheduled one; the draft is not loaded.
    expect(index.getStats(NOW)).toEqual({ articles: 27, drafts: 0, scheduled: 1, published: 26, authors: 2, categories: 4 });
    expect(index.getStats(FUTURE_TIME).scheduled).toBe(0);
  });
});

describe('archives', () => {
  it('by category, paginated, with every category of an article', () => {
    const politics = index.getArticlesByCategory('politics', 1, NOW);
    expect([politics?.totalItems, politics?.totalPages]).toEqual([25, 3]);
    const security = index.getArticlesByCategory('security', 2, NOW);
    expect(slugs(security?.items)).toEqual(['story-03', 'story-01']);
    expect(security?.totalItems).toBe(12);
    expect(index.getArticlesByCategory('security', 3, NOW)).toBeNull();
    expect(index.getArticlesByCategory('government', 1, NOW)?.totalItems).toBe(1);
  });

  it('by category: an empty one has one empty page; an unknown one is null', () => {
    expect(index.getArticlesByCategory('economy', 1, NOW)).toEqual({ items: [], page: 1, totalPages: 1, totalItems: 0, pageSize: 10 });
    expect(index.getArticlesByCategory('economy', 2, NOW)).toBeNull();
    expect(index.getArticlesByCategory('weather', 1, NOW)).toBeNull();
    expect(index.getCategory('security')).toEqual({ slug: 'security', name: 'Security', description: 'Conflict and policing.' });
    expect(index.getCategory('weather')).toBeNull();
    expect(index.getCategories().map((category) => category.slug)).toEqual(['politics', 'government', 'security', 'economy']);
  });

  it('by tag, with only published tags listed', () => {
    expect(index.getTags(NOW)).toEqual([
      { slug: 'rare', name: 'rare' },
      { slug: 't0', name: 't0' },
      { slug: 't1', name: 't1' },
      { slug: 't2', name: 't2' },
    ]);
    expect(slugs(index.getArticlesByTag('rare', 1, NOW)?.items)).toEqual(['story-12', 'story-05', 'lonely']);
    expect(index.getArticlesByTag('t0', 1, NOW)?.totalItems).toBe(7);
    expect(index.getArticlesByTag('t0', 2, NOW)).toBeNull();
    expect(index.getArticlesByTag('nope', 1, NOW)).toBeNull();
    expect(index.getTag('t1', NOW)).toEqual({ slug: 't1', name: 't1' });
    expect(index.getTag('nope', NOW)).toBeNull();
  });

  it('by author, including co-authored articles', () => {
    expect(slugs(index.getArticlesByAuthor('omar-khan', 1, NOW)?.items)).toEqual(['story-20', 'story-15', 'story-10', 'story-05']);
    expect(index.getArticlesByAuthor('j-doe', 1, NOW)?.totalItems).toBe(26);
    expect(index.getArticlesByAuthor('nobody', 1, NOW)).toBeNull();
    expect(index.getAuthor('omar-khan')).toEqual({ id: 'omar-khan', name: 'Omar Khan', role: 'Editor', bio: 'Omar edits the politics desk.' });
    expect(index.getAuthor('nobody')).toBeNull();
    expect(index.getAuthors().map((author) => author.id)).toEqual(['j-doe', 'omar-khan']);
  });
});

describe('neighbours', () => {
  it('previous is the next older article, next the next newer', () => {
    const { previous, next } = index.getNeighbours('story-10', NOW);
    expect([previous?.slug, next?.slug]).toEqual(['story-09', 'story-11']);
  });

  it('the newest has no next (a scheduled one does not count), the oldest no previous', () => {
    expect(index.getNeighbours('story-23', NOW).next).toBeNull();
    expect(index.getNeighbours('story-23', FUTURE_TIME).next?.slug).toBe('future-1');
    expect(index.getNeighbours('tie-b', NOW)).toEqual({
      previous: null,
      next: index.getLatestArticles(3, NOW)?.items.find((item) => item.slug === 'tie-a'),
    });
  });

  it('unknown and scheduled articles have none', () => {
    expect(index.getNeighbours('nope', NOW)).toEqual({ previous: null, next: null });
    expect(index.getNeighbours('future-1', NOW)).toEqual({ previous: null, next: null });
  });
});

describe('related articles', () => {
  it('share a category or tag, newest first, four by default, never the article itself', () => {
    expect(slugs(index.getRelatedArticles('story-23', undefined, NOW))).toEqual(['story-22', 'story-21', 'story-20', 'story-19']);
    expect(slugs(index.getRelatedArticles('lonely', undefined, NOW))).toEqual(['story-12', 'story-05']);
  });

  it('respect the limit and skip scheduled articles', () => {
    expect(slugs(index.getRelatedArticles('story-10', 2, NOW))).toEqual(['story-23', 'story-22']);
    expect(slugs(index.getRelatedArticles('story-10', 2, FUTURE_TIME))).toEqual(['future-1', 'story-23']);
    expect(index.getRelatedArticles('story-10', 0, NOW)).toEqual([]);
    expect(index.getRelatedArticles('story-10', 30, NOW)).toHaveLength(24);
  });

  it('are empty for an unknown article', () => {
    expect(index.getRelatedArticles('nope', 4, NOW)).toEqual([]);
  });
});

describe('article HTML', () => {
  it('is rendered on demand and then reused', () => {
    const tree = writeTree({ 'articles/memo.md': article(['title: Memo', 'date: 2026-11-01T00:00:00Z', 'author: j-doe', 'categories: Politics'], 'First *version*.') });
    const memoIndex = loadContent(tree).index;
    expect(memoIndex.getArticle('memo', NOW)?.html).toBe('<p>First <em>version</em>.</p>');
    fs.writeFileSync(path.join(tree, 'articles/memo.md'), article(['title: Memo'], 'Second version.'));
    expect(memoIndex.getArticle('memo', NOW)?.html).toBe('<p>First <em>version</em>.</p>');
  });
});
