import { describe, expect, it } from 'vitest';

import {
  articleCrumbs,
  breadcrumbJsonLd,
  collectionPageJsonLd,
  newsArticleJsonLd,
  serializeJsonLd,
  websiteJsonLd,
} from '@/lib/seo/json-ld';

import { BUDGET, JANE, OMAR, POLITICS, SECURITY, SETTINGS, summary, WATER } from './fixtures';

const HOSTILE = 'Budget </script><script>alert(1)</script> & more\u2028line\u2029para <!-- x -->';

describe('newsArticleJsonLd', () => {
  it('has every field Google asks of a NewsArticle', () => {
    const article = summary({
      updated: '2026-11-03T08:00:00.000Z',
      authors: [JANE, OMAR],
      categories: [POLITICS, SECURITY],
      tags: [BUDGET, WATER],
      image: { src: '/images/2026/vote.jpg', alt: 'MPs voting', width: 1600, height: 900 },
      lang: 'fa-AF',
      wordCount: 812,
    });
    expect(newsArticleJsonLd(article, SETTINGS)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Parliament passes budget',
      description: 'The lower house approved the budget.',
      image: ['https://news.example.com/images/2026/vote.jpg'],
      datePublished: '2026-11-02T05:00:00.000Z',
      dateModified: '2026-11-03T08:00:00.000Z',
      author: [
        { '@type': 'Person', name: 'Jane Doe', url: 'https://news.example.com/author/jane-doe', jobTitle: 'Correspondent' },
        { '@type': 'Person', name: 'Omar Khan', url: 'https://news.example.com/author/omar-khan' },
      ],
      publisher: {
        '@type': 'Organization',
        name: 'Dateline Media',
        url: 'https://news.example.com/',
        logo: { '@type': 'ImageObject', url: 'https://news.example.com/logo.png' },
      },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.com/articles/budget-vote' },
      url: 'https://news.example.com/articles/budget-vote',
      articleSection: 'Politics',
      keywords: ['Budget', 'Water'],
      inLanguage: 'fa-AF',
      wordCount: 812,
      isAccessibleForFree: true,
    });
  });

  it('falls back to the generated social image and to the publication date', () => {
    const data = newsArticleJsonLd(summary({ tags: [] }), SETTINGS);
    expect(data.image).toEqual(['https://news.example.com/articles/budget-vote/opengraph-image']);
    expect(data.dateModified).toBe('2026-11-02T05:00:00.000Z');
    expect(data).not.toHaveProperty('keywords');
    expect(data).not.toHaveProperty('correction');
  });

  it('lists each correction as a dated CorrectionComment', () => {
    const corrections = [{ date: '2026-11-03T04:30:00.000Z', text: 'The vote count was 120 to 80, not 110 to 90.' }];
    const data = newsArticleJsonLd(summary({ corrections, updated: '2026-11-03T04:30:00.000Z' }), SETTINGS);
    expect(data).toMatchObject({
      dateModified: '2026-11-03T04:30:00.000Z',
      correction: [{ '@type': 'CorrectionComment', text: corrections[0]!.text, datePublished: '2026-11-03T04:30:00.000Z' }],
    });
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element or break JavaScript, and parses back unchanged', () => {
    const data = newsArticleJsonLd(summary({ title: HOSTILE, excerpt: '<b>bold</b> & "quoted"' }), SETTINGS);
    const text = serializeJsonLd(data);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(text).toContain('\\u2028line\\u2029para');
    expect(JSON.parse(text)).toEqual(data);
  });

  it('keeps the block closed when embedded in HTML', () => {
    const html = `<script type="application/ld+json">${serializeJsonLd(newsArticleJsonLd(summary({ title: HOSTILE }), SETTINGS))}</script>`;
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).not.toContain('<!--');
  });

  it('serializes a list of objects', () => {
    const text = serializeJsonLd([websiteJsonLd(SETTINGS), breadcrumbJsonLd([{ name: 'Home', path: '/' }], SETTINGS)]);
    expect(JSON.parse(text)).toHaveLength(2);
  });
});

describe('breadcrumbJsonLd', () => {
  it('lists Home › primary category › article with absolute URLs', () => {
    const crumbs = articleCrumbs(summary({ title: 'A & B', categories: [SECURITY, POLITICS] }));
    expect(breadcrumbJsonLd(crumbs, SETTINGS)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example.com/' },
        { '@type': 'ListItem', position: 2, name: 'Security', item: 'https://news.example.com/category/security' },
        { '@type': 'ListItem', position: 3, name: 'A & B', item: 'https://news.example.com/articles/budget-vote' },
      ],
    });
  });
});

describe('websiteJsonLd', () => {
  it('describes the site with a search action', () => {
    expect(websiteJsonLd(SETTINGS)).toMatchObject({
      '@type': 'WebSite',
      name: 'Dateline',
      url: 'https://news.example.com/',
      inLanguage: 'en',
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: 'https://news.example.com/search?q={search_term_string}' },
        'query-input': 'required name=search_term_string',
      },
    });
  });
});

describe('collectionPageJsonLd', () => {
  it('lists the page’s articles with their positions in the whole listing', () => {
    const data = collectionPageJsonLd(
      {
        name: 'Politics',
        description: 'Parliament & parties.',
        path: '/category/politics/page/2',
        articles: [summary({ slug: 'a', title: 'A' }), summary({ slug: 'b', title: 'B' })],
        firstPosition: 11,
      },
      SETTINGS,
    );
    expect(data).toMatchObject({
      '@type': 'CollectionPage',
      url: 'https://news.example.com/category/politics/page/2',
      name: 'Politics',
      description: 'Parliament & parties.',
      isPartOf: { '@type': 'WebSite', '@id': 'https://news.example.com/#website' },
      mainEntity: {
        '@type': 'ItemList',
        itemListElement: [
          { '@type': 'ListItem', position: 11, url: 'https://news.example.com/articles/a', name: 'A' },
          { '@type': 'ListItem', position: 12, url: 'https://news.example.com/articles/b', name: 'B' },
        ],
      },
    });
  });
});
