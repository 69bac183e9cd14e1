import { describe, expect, it } from 'vitest';

import { archiveMetadata, articleMetadata, feedAlternates, siteMetadata } from '@/lib/seo/metadata';

import { BUDGET, JANE, POLITICS, SECURITY, SETTINGS, summary, WATER } from './fixtures';

const FEEDS = {
  'application/rss+xml': [{ url: 'https://news.example.com/feed.xml', title: 'Dateline (RSS)' }],
  'application/atom+xml': [{ url: 'https://news.example.com/atom.xml', title: 'Dateline (Atom)' }],
  'application/feed+json': [{ url: 'https://news.example.com/feed.json', title: 'Dateline (JSON Feed)' }],
};

describe('feedAlternates', () => {
  it('names the site feeds, and a category’s own RSS feed', () => {
    expect(feedAlternates(SETTINGS)).toEqual(FEEDS);
    expect(feedAlternates(SETTINGS, POLITICS)['application/rss+xml']).toEqual([
      { url: 'https://news.example.com/feed.xml', title: 'Dateline (RSS)' },
      { url: 'https://news.example.com/category/politics/feed.xml', title: 'Politics | Dateline (RSS)' },
    ]);
  });
});

describe('siteMetadata', () => {
  it('sets the base URL, the title template and the feed links', () => {
    const metadata = siteMetadata(SETTINGS);
    expect(String(metadata.metadataBase)).toBe('https://news.example.com/');
    expect(metadata.title).toEqual({ default: expect.stringMatching(/^Dateline: /), template: '%s | Dateline' });
    expect(metadata.alternates).toEqual({ types: FEEDS });
  });
});

describe('articleMetadata', () => {
  it('declares every version of a story in several languages, itself included, as hreflang alternates', () => {
    const metadata = articleMetadata(summary({ slug: 'calendar', lang: 'en' }), SETTINGS, [
      summary({ slug: 'calendar-pashto', lang: 'ps' }),
      summary({ slug: 'calendar-dari', lang: 'fa-AF' }),
    ]);
    expect(metadata.alternates?.languages).toEqual({
      en: 'https://news.example.com/articles/calendar',
      'fa-AF': 'https://news.example.com/articles/calendar-dari',
      ps: 'https://news.example.com/articles/calendar-pashto',
    });
    expect(articleMetadata(summary(), SETTINGS).alternates).not.toHaveProperty('languages');
  });

  it('has an absolute canonical URL, OpenGraph article fields and a Twitter card', () => {
    const article = summary({
      updated: '2026-11-03T08:00:00.000Z',
      categories: [SECURITY, POLITICS],
      tags: [BUDGET, WATER],
      image: { src: '/images/vote.jpg', alt: 'MPs voting', width: 1600, height: 900 },
    });
    const metadata = articleMetadata(article, SETTINGS);
    expect(metadata.title).toBe('Parliament passes budget');
    expect(metadata.description).toBe('The lower house approved the budget.');
    expect(metadata.alternates?.canonical).toBe('https://news.example.com/articles/budget-vote');
    expect(metadata.alternates?.types?.['application/rss+xml']).toHaveLength(2);
    expect(metadata.openGraph).toEqual({
      type: 'article',
      url: 'https://news.example.com/articles/budget-vote',
      title: 'Parliament passes budget',
      description: 'The lower house approved the budget.',
      siteName: 'Dateline',
      publishedTime: '2026-11-02T05:00:00.000Z',
      modifiedTime: '2026-11-03T08:00:00.000Z',
      section: 'Security',
      tags: ['Budget', 'Water'],
      authors: ['https://news.example.com/author/jane-doe'],
      images: [{ url: 'https://news.example.com/images/vote.jpg', width: 1600, height: 900, alt: 'MPs voting' }],
    });
    expect(metadata.twitter).toMatchObject({
      card: 'summary_large_image',
      images: [{ url: 'https://news.example.com/images/vote.jpg', alt: 'MPs voting' }],
    });
    expect(metadata.authors).toEqual([{ name: JANE.name, url: 'https://news.example.com/author/jane-doe' }]);
  });

  it('uses the generated 1200×630 social image when the article has no picture', () => {
    const metadata = articleMetadata(summary(), SETTINGS);
    expect(metadata.openGraph?.images).toEqual([
      { url: 'https://news.example.com/articles/budget-vote/opengraph-image', width: 1200, height: 630, alt: 'Parliament passes budget' },
    ]);
  });
});

describe('archiveMetadata', () => {
  it('indexes the first page with itself as canonical', () => {
    const metadata = archiveMetadata(
      { title: 'Politics', description: 'Parliament.', basePath: '/category/politics', page: 1, category: POLITICS },
      SETTINGS,
    );
    expect(metadata.title).toBe('Politics');
    expect(metadata.alternates?.canonical).toBe('https://news.example.com/category/politics');
    expect(metadata.robots).toBeUndefined();
    expect(metadata.alternates?.types?.['application/rss+xml']).toHaveLength(2);
  });

  it('keeps later pages out of the index but follows their links', () => {
    const metadata = archiveMetadata({ title: 'Politics', description: 'Parliament.', basePath: '/category/politics', page: 3 }, SETTINGS);
    expect(metadata.title).toBe('Politics (page 3)');
    expect(metadata.alternates?.canonical).toBe('https://news.example.com/category/politics/page/3');
    expect(metadata.robots).toEqual({ index: false, follow: true });
  });

  it('leaves the home page its default title and pages it under /page/N', () => {
    expect(archiveMetadata({ description: 'News.', basePath: '/', page: 1 }, SETTINGS)).not.toHaveProperty('title');
    const second = archiveMetadata({ description: 'News.', basePath: '/', page: 2 }, SETTINGS);
    expect(second.title).toBe('Latest news (page 2)');
    expect(second.alternates?.canonical).toBe('https://news.example.com/page/2');
  });
});
