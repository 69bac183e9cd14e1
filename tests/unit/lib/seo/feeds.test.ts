import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';

import { atomFeed, categoryFeedChannel, feedContentHtml, jsonFeed, rssFeed, siteFeedChannel } from '@/lib/seo/feeds';

import { article, BUDGET, JANE, OMAR, POLITICS, SECURITY, SETTINGS, WATER } from './fixtures';

const HOSTILE_TITLE = 'Tom & Jerry <script>alert(1)</script> ]]> end';
const BODY =
  '<p>See <a href="/articles/earlier">earlier</a>, <a href="#fn-1">note</a> and <a href="https://other.example/x">elsewhere</a>.</p>' +
  '<p><img src="/images/a.jpg" srcset="/images/a-1x.jpg 1x, /images/a-2x.jpg 2x" alt="A"></p>' +
  '<pre><code>if (a ]]> b) { x = "&lt;b&gt;" }</code></pre>';

const ARTICLES = [
  article({
    slug: 'newest',
    title: HOSTILE_TITLE,
    date: '2026-11-03T10:00:00.000Z',
    updated: '2026-11-04T12:30:00.000Z',
    authors: [JANE, OMAR],
    categories: [POLITICS, SECURITY],
    tags: [BUDGET, WATER],
    excerpt: 'A & B < C',
    html: BODY,
    image: { src: '/images/lead.jpg', alt: 'Lead "photo"', caption: 'The chamber', credit: 'DID Press', width: 1200, height: 800 },
  }),
  article({ slug: 'older', title: 'Older \u0001story\uFFFE', date: '2026-11-01T08:00:00.000Z', lang: 'fa-AF', dir: 'rtl' }),
];

function expectWellFormed(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
}

describe('rssFeed', () => {
  const xml = rssFeed(siteFeedChannel(SETTINGS, 'rss'), ARTICLES, SETTINGS);
  const feed = parseRssFeed(xml);

  it('is well-formed XML with the channel fields and a self link', () => {
    expectWellFormed(xml);
    expect(feed.title).toBe('Dateline');
    expect(feed.link).toBe('https://news.example.com/');
    expect(feed.description).toBe('Politics & security, explained.');
    expect(feed.language).toBe('en');
    expect(feed.lastBuildDate).toBe('Wed, 04 Nov 2026 12:30:00 GMT');
    expect(feed.atom?.links).toEqual([{ href: 'https://news.example.com/feed.xml', rel: 'self', type: 'application/rss+xml' }]);
  });

  it('has one item per article, newest first, with hostile titles intact', () => {
    expect(feed.items?.map((item) => item.title)).toEqual([HOSTILE_TITLE, 'Older story']);
    const [first] = feed.items ?? [];
    expect(first?.link).toBe('https://news.example.com/articles/newest');
    expect(first?.guid).toEqual({ value: 'https://news.example.com/articles/newest', isPermaLink: true });
    expect(first?.pubDate).toBe('Tue, 03 Nov 2026 10:00:00 GMT');
    expect(first?.dc?.creators).toEqual(['Jane Doe', 'Omar Khan']);
    expect(first?.categories?.map((category) => category.name)).toEqual(['Politics', 'Security', 'Budget', 'Water']);
    expect(first?.description).toBe('A & B < C');
  });

  it('carries the full body with absolute links, and a `]]>` in it survives', () => {
    const content = feed.items?.[0]?.content?.encoded ?? '';
    expect(content).toContain('<a href="https://news.example.com/articles/earlier">');
    expect(content).toContain('<a href="https://news.example.com/articles/newest#fn-1">');
    expect(content).toContain('<a href="https://other.example/x">');
    expect(content).toContain('srcset="https://news.example.com/images/a-1x.jpg 1x, https://news.example.com/images/a-2x.jpg 2x"');
    expect(content).toContain('<img src="https://news.example.com/images/lead.jpg" alt="Lead &quot;photo&quot;"');
    expect(content).toContain('<figcaption>The chamber — DID Press</figcaption>');
    expect(content).toContain('if (a ]]> b) { x = "&lt;b&gt;" }');
    expect(content).not.toMatch(/(href|src)="\//);
  });

  it('makes a category feed that points at the category page', () => {
    const category = rssFeed(categoryFeedChannel(POLITICS, SETTINGS), ARTICLES.slice(0, 1), SETTINGS);
    expectWellFormed(category);
    const parsed = parseRssFeed(category);
    expect(parsed.title).toBe('Politics | Dateline');
    expect(parsed.link).toBe('https://news.example.com/category/politics');
    expect(parsed.description).toBe('Parliament & parties.');
    expect(parsed.atom?.links?.[0]?.href).toBe('https://news.example.com/category/politics/feed.xml');
    expect(parsed.items).toHaveLength(1);
  });

  it('is valid with no articles', () => {
    const empty = rssFeed(siteFeedChannel(SETTINGS, 'rss'), [], SETTINGS);
    expectWellFormed(empty);
    expect(parseRssFeed(empty).items ?? []).toEqual([]);
  });
});

describe('atomFeed', () => {
  const xml = atomFeed(siteFeedChannel(SETTINGS, 'atom'), ARTICLES, SETTINGS, '2000-01-01T00:00:00.000Z');
  const feed = parseAtomFeed(xml);

  it('is well-formed with id, updated, links and a feed author', () => {
    expectWellFormed(xml);
    expect(feed.id).toBe('https://news.example.com/');
    expect(feed.title).toEqual({ value: 'Dateline', type: 'text' });
    expect(feed.updated).toBe('2026-11-04T12:30:00.000Z');
    expect(feed.links).toEqual([
      { href: 'https://news.example.com/', rel: 'alternate', type: 'text/html' },
      { href: 'https://news.example.com/atom.xml', rel: 'self', type: 'application/atom+xml' },
    ]);
    expect(feed.authors?.[0]?.name).toBe('Dateline Media');
  });

  it('has entries with times, authors, categories, summary and HTML content', () => {
    const [first, second] = feed.entries ?? [];
    expect(first?.id).toBe('https://news.example.com/articles/newest');
    expect(first?.title?.value).toBe(HOSTILE_TITLE);
    expect(first?.published).toBe('2026-11-03T10:00:00.000Z');
    expect(first?.updated).toBe('2026-11-04T12:30:00.000Z');
    expect(first?.authors).toEqual([
      { name: 'Jane Doe', uri: 'https://news.example.com/author/jane-doe' },
      { name: 'Omar Khan', uri: 'https://news.example.com/author/omar-khan' },
    ]);
    expect(first?.categories?.map((category) => category.label)).toEqual(['Politics', 'Security', 'Budget', 'Water']);
    expect(first?.summary).toEqual({ value: 'A & B < C', type: 'text' });
    expect(first?.content?.type).toBe('html');
    expect(first?.content?.value).toContain('<a href="https://news.example.com/articles/earlier">');
    expect(first?.content?.value).toContain('if (a ]]> b)');
    expect(second?.title?.value).toBe('Older story');
    expect(second?.updated).toBe('2026-11-01T08:00:00.000Z');
  });

  it('marks an entry in another language', () => {
    expect(xml).toContain('<entry xml:lang="fa-AF">');
  });

  it('uses the fallback time as `updated` when empty', () => {
    const empty = atomFeed(siteFeedChannel(SETTINGS, 'atom'), [], SETTINGS, '2000-01-01T00:00:00.000Z');
    expectWellFormed(empty);
    expect(parseAtomFeed(empty).updated).toBe('2000-01-01T00:00:00.000Z');
  });
});

describe('jsonFeed', () => {
  const text = jsonFeed(siteFeedChannel(SETTINGS, 'json'), ARTICLES, SETTINGS);
  const feed = parseJsonFeed(JSON.parse(text));

  it('is a JSON Feed 1.1 document', () => {
    expect(JSON.parse(text).version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Dateline');
    expect(feed.home_page_url).toBe('https://news.example.com/');
    expect(feed.feed_url).toBe('https://news.example.com/feed.json');
    expect(feed.language).toBe('en');
  });

  it('has items with dates, authors, tags, summary, image and absolute HTML', () => {
    const [first, second] = feed.items ?? [];
    expect(first).toMatchObject({
      id: 'https://news.example.com/articles/newest',
      url: 'https://news.example.com/articles/newest',
      title: HOSTILE_TITLE,
      summary: 'A & B < C',
      image: 'https://news.example.com/images/lead.jpg',
      date_published: '2026-11-03T10:00:00.000Z',
      date_modified: '2026-11-04T12:30:00.000Z',
      tags: ['Politics', 'Security', 'Budget', 'Water'],
      language: 'en',
    });
    expect(first?.authors?.map((author) => author.name)).toEqual(['Jane Doe', 'Omar Khan']);
    expect(first?.content_html).toContain('<a href="https://news.example.com/articles/earlier">');
    expect(second?.language).toBe('fa-AF');
    expect(second?.date_modified).toBe('2026-11-01T08:00:00.000Z');
  });
});

describe('feedContentHtml', () => {
  it('puts the lead picture first and leaves a body without one alone apart from URLs', () => {
    expect(feedContentHtml(article({ html: '<p><a href="/tag/x">x</a></p>' }), SETTINGS)).toBe(
      '<p><a href="https://news.example.com/tag/x">x</a></p>',
    );
  });
});
