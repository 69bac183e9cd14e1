import fs from 'node:fs';
import path from 'node:path';

import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { BROKEN_ROOT, VALID_ROOT, article, removeTrees, validFields, writeTree } from './helpers';

// The site's getters read env once per module instance; each test loads a fresh one.
async function siteContent(contentDir: string, nodeEnv = 'test') {
  vi.stubEnv('DATELINE_CONTENT_DIR', contentDir);
  vi.stubEnv('NODE_ENV', nodeEnv);
  vi.resetModules();
  return import('@/lib/content');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-15T00:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('the site getters', () => {
  it('read the folder named by DATELINE_CONTENT_DIR and serve drafts outside production', async () => {
    const content = await siteContent(VALID_ROOT);
    expect(content.getPublishedSlugs()).toEqual(['kabul-water', 'draft-story', 'border-talks', 'budget-vote', 'dari-news']);
    expect(content.getArticle('draft-story')?.draft).toBe(true);
    expect(content.getLatestArticles()?.totalItems).toBe(5);
    expect(content.getLatestArticles(2)).toBeNull();
    expect(content.getCategory('money')?.name).toBe('Economy');
    expect(content.getArticlesByCategory('afghanistan')?.items.map((item) => item.slug)).toEqual([
      'kabul-water',
      'border-talks',
      'budget-vote',
    ]);
    expect(content.getTags().map((tag) => tag.slug)).toEqual(['border', 'budget', 'parliament', 'secret', 'water', 'حقوق-بشر']);
    expect(content.getTag('inflation')).toBeNull();
    expect(content.getArticlesByTag('budget')?.items.map((item) => item.slug)).toEqual(['kabul-water', 'budget-vote']);
    expect(content.getAuthor('j-doe')?.name).toBe('Jane Doe');
    expect(content.getAuthors()).toHaveLength(2);
    expect(content.getArticlesByAuthor('amina-rahimi')?.totalItems).toBe(3);
    expect(content.getNeighbours('border-talks')).toMatchObject({ previous: { slug: 'budget-vote' }, next: { slug: 'draft-story' } });
    expect(content.getRelatedArticles('budget-vote').map((item) => item.slug)).toEqual(['kabul-water', 'draft-story', 'border-talks']);
    expect(content.getRelatedArticles('budget-vote', 1).map((item) => item.slug)).toEqual(['kabul-water']);
    expect(content.getCategories()).toHaveLength(5);
  });

  it('leave drafts out in production', async () => {
    const content = await siteContent(VALID_ROOT, 'production');
    expect(content.getArticle('draft-story')).toBeNull();
    expect(content.getPublishedSlugs()).toEqual(['kabul-water', 'border-talks', 'budget-vote', 'dari-news']);
  });

  it('read the clock on every call, so a scheduled article appears when its time comes', async () => {
    const content = await siteContent(VALID_ROOT);
    expect(content.getArticle('scheduled-story')).toBeNull();
    vi.setSystemTime(new Date('2099-12-01T04:30:00Z'));
    expect(content.getArticle('scheduled-story')?.title).toBe('Central bank to publish inflation figures');
    expect(content.getLatestArticles()?.items[0]?.slug).toBe('scheduled-story');
    expect(content.getTag('inflation')).toEqual({ slug: 'inflation', name: 'inflation' });
  });

  it('throw one ContentError with the whole report when the content has problems, every time', async () => {
    const content = await siteContent(BROKEN_ROOT);
    let first: unknown;
    try {
      content.getLatestArticles();
    } catch (error) {
      first = error;
    }
    if (!(first instanceof content.ContentError)) throw new Error('expected a ContentError');
    const report = first.message.split('\n');
    expect(report).toHaveLength(29);
    expect(report[0]).toBe(
      'tests/fixtures/content/broken/categories.yml:5: description: is required; add a one-line description, e.g. description: "Parliament, parties and elections"',
    );
    expect(report.at(-1)).toBe('28 problems in 20 files');
    expect(first.problems).toHaveLength(28);
    // Memoized: the same error, not a second parse.
    expect(() => content.getArticle('a')).toThrow(first);
    let second: unknown;
    try {
      content.getArticle('a');
    } catch (error) {
      second = error;
    }
    expect(second).toBe(first);
    expect(() => content.getCategories()).toThrow(content.ContentError);
  });
});

describe('moved and removed articles', () => {
  it('lead old slugs to the published article and read removed.yml', async () => {
    const content = await siteContent(VALID_ROOT, 'production');
    expect(content.getArticleRedirect('budget-approved')).toBe('budget-vote');
    expect(content.getArticleRedirect('2027-budget-vote')).toBe('budget-vote');
    expect(content.getArticleRedirect('budget-vote')).toBeNull();
    expect(content.getRedirectedSlugs()).toEqual(['budget-approved', '2027-budget-vote']);
    expect(content.getRemovedArticle('kabul-water-rumour')).toEqual({
      slug: 'kabul-water-rumour',
      removed: '2026-11-08',
      reason: 'Withdrawn after the source retracted it.',
    });
    expect(content.getRemovedArticle('old-border-notice')).toEqual({ slug: 'old-border-notice', removed: '2026-11-09T05:30:00.000Z' });
    expect(content.getRemovedArticle('budget-vote')).toBeNull();
    expect(content.getRemovedArticles().map((entry) => entry.slug)).toEqual(['kabul-water-rumour', 'old-border-notice']);
  });

  it('answer a removed slug without loading the articles, so a broken article does not stop the 410', async () => {
    const content = await siteContent(BROKEN_ROOT);
    expect(content.getRemovedArticle('anything')).toBeNull();
    const valid = await siteContent(VALID_ROOT);
    expect(valid.getRemovedArticle('kabul-water-rumour')?.removed).toBe('2026-11-08');
  });
});

describe('refreshContent', () => {
  afterAll(removeTrees);

  it('serves added, changed and removed articles from then on, parsing only what changed', async () => {
    const root = writeTree({
      'articles/first.md': article(validFields({ title: 'First', date: '2026-11-01T09:00:00+04:30' })),
      'articles/second.md': article(validFields({ title: 'Second', date: '2026-11-02T09:00:00+04:30' })),
    });
    const content = await siteContent(root, 'production');
    expect(content.getPublishedSlugs()).toEqual(['second', 'first']);

    fs.writeFileSync(path.join(root, 'articles', 'third.md'), article(validFields({ title: 'Third', date: '2026-11-03T09:00:00+04:30' })));
    fs.writeFileSync(path.join(root, 'articles', 'first.md'), article(validFields({ title: 'First, corrected', date: '2026-11-01T09:00:00+04:30' })));
    fs.rmSync(path.join(root, 'articles', 'second.md'));
    const refresh = content.refreshContent();
    if (!refresh.ok) throw new Error('expected the refresh to succeed');
    expect(refresh.stats.parsed).toBe(2);
    expect(content.getPublishedSlugs()).toEqual(['third', 'first']);
    expect(content.getArticle('first')?.title).toBe('First, corrected');
    expect(content.getArticle('second')).toBeNull();
  });

  it('keeps serving the previous content when the new content has problems, and says what they are', async () => {
    const root = writeTree({ 'articles/first.md': article(validFields({ title: 'First' })) });
    const content = await siteContent(root, 'production');
    expect(content.getPublishedSlugs()).toEqual(['first']);
    fs.writeFileSync(path.join(root, 'articles', 'broken.md'), article(validFields({ date: 'soon' })));
    const refresh = content.refreshContent();
    expect(refresh.ok).toBe(false);
    if (refresh.ok) return;
    expect(refresh.problems.map(content.formatProblem)).toEqual([
      'content/articles/broken.md:3: date: "soon" is not an ISO 8601 date; write it like 2026-11-02T09:30:00+04:30',
    ]);
    expect(content.getPublishedSlugs()).toEqual(['first']);
  });
});

describe('a server started after the build', () => {
  afterAll(removeTrees);

  /** A fresh process: no index loaded yet. */
  async function freshProcess(contentDir: string, phase: string, record: string) {
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('dateline.content')];
    vi.stubEnv('NEXT_PHASE', phase);
    vi.stubEnv('DATELINE_INTERNAL_CONTENT_FINGERPRINT_FILE', record);
    return siteContent(contentDir, 'production');
  }

  it('compares what it reads with what the build read, and updates every page once when they differ', async () => {
    const root = writeTree({ 'articles/first.md': article(validFields({ title: 'First' })) });
    const record = path.join(path.dirname(root), 'content-fingerprint.txt');
    const build = await freshProcess(root, 'phase-production-build', record);
    expect(build.getPublishedSlugs()).toEqual(['first']);
    expect(fs.existsSync(record)).toBe(true);

    const same = await freshProcess(root, '', record);
    same.getPublishedSlugs();
    const refreshed = same.refreshContent();
    expect(refreshed.ok && refreshed.before !== undefined).toBe(true);

    fs.writeFileSync(path.join(root, 'articles', 'pulled.md'), article(validFields({ title: 'Pulled before the restart' })));
    const changed = await freshProcess(root, '', record);
    expect(changed.getPublishedSlugs()).toEqual(['first', 'pulled']);
    const first = changed.refreshContent();
    expect(first.ok && first.before === undefined).toBe(true);
    const second = changed.refreshContent();
    expect(second.ok && second.before !== undefined).toBe(true);
  });
});
