import { expect, test, type APIRequestContext } from '@playwright/test';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';

import {
  ARCHIVE,
  checkHtml,
  jsonLdNodes,
  listedArticleSlugs,
  MOVED_ARTICLE,
  OLD_SLUG,
  parseXml,
  PLAIN_ARTICLE,
  pngSize,
  publishedSlugsFromContent,
  REMOVED_SLUG,
  removedSlugsFromContent,
  RTL_ARTICLE,
  sitemapUrls,
  sitePath,
} from './support/seo';

// What search engines, news aggregators and feed readers get from the
// production build. Figures for the release note are printed with console.log.

const articleSlugOf = (url: string) => /^\/articles\/([a-z0-9-]+)$/.exec(sitePath(url))?.[1];

async function getText(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
}

test.describe('sitemaps', () => {
  test('every URL in the sitemap answers 200, and every published article is in it', async ({ request }) => {
    const urls = await sitemapUrls(request);
    console.log(`sitemap.xml: ${urls.length} URLs`);
    expect(new Set(urls).size).toBe(urls.length);
    const origin = new URL(urls[0] ?? '').origin;
    for (const url of urls) {
      expect(new URL(url).origin, url).toBe(origin);
      const response = await request.get(sitePath(url), { maxRedirects: 0 });
      expect(response.status(), url).toBe(200);
    }

    const inSitemap = urls.flatMap((url) => articleSlugOf(url) ?? []).sort();
    const published = publishedSlugsFromContent();
    expect(inSitemap).toEqual(published);
    // The same articles a reader reaches by paging through the front page.
    expect(await listedArticleSlugs(request, '/')).toEqual(published);
    for (const slug of [OLD_SLUG, ...removedSlugsFromContent()]) expect(inSitemap).not.toContain(slug);
    expect(urls.map(sitePath)).toEqual(expect.arrayContaining(['/', ARCHIVE, '/tag/border', '/author/desk-kabul']));
  });

  test('the news sitemap follows the Google News format', async ({ request }) => {
    const doc = parseXml(await getText(request, '/news-sitemap.xml'));
    const urlset = doc.urlset as Record<string, unknown> & { url?: Record<string, unknown>[] };
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls = urlset.url ?? [];
    console.log(`news-sitemap.xml: ${urls.length} URLs (articles of the last two days)`);
    expect(urls.length).toBeLessThanOrEqual(1000);
    for (const url of urls) {
      const news = url['news:news'] as Record<string, Record<string, string> | string>;
      expect(news['news:publication']).toMatchObject({ 'news:name': expect.any(String), 'news:language': expect.any(String) });
      expect(String(news['news:publication_date'])).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(news['news:title']).toBeTruthy();
    }
  });

  test('robots.txt names both sitemaps and keeps crawlers out of moderation and search', async ({ request }) => {
    const robots = await getText(request, '/robots.txt');
    expect(robots).toMatch(/^Disallow: \/moderation$/m);
    expect(robots).toMatch(/^Disallow: \/search$/m);
    expect(robots).toMatch(/^Disallow: \/preview$/m);
    const sitemaps = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((match) => sitePath(match[1] ?? ''));
    expect(sitemaps).toEqual(['/sitemap.xml', '/news-sitemap.xml']);
  });
});

test.describe('feeds', () => {
  const published = publishedSlugsFromContent();

  test('RSS, Atom and JSON Feed parse with a feed library and carry every published article', async ({ request }) => {
    const expected = Math.min(50, published.length);
    const rss = parseRssFeed(await getText(request, '/feed.xml'));
    const atom = parseAtomFeed(await getText(request, '/atom.xml'));
    const json = parseJsonFeed(JSON.parse(await getText(request, '/feed.json')) as unknown);
    console.log(
      `feeds: /feed.xml ${rss.items?.length ?? 0} items, /atom.xml ${atom.entries?.length ?? 0} entries, /feed.json ${json.items?.length ?? 0} items`,
    );

    for (const item of rss.items ?? []) {
      expect(item.title).toBeTruthy();
      expect(item.link).toMatch(/^https?:\/\//);
      expect(item.guid?.value).toBe(item.link);
      expect(item.pubDate).toBeTruthy();
      expect(item.description).toBeTruthy();
      expect(item.content?.encoded).toContain('<');
      expect(item.dc?.creators?.length).toBeGreaterThan(0);
    }
    for (const entry of atom.entries ?? []) {
      expect(entry.id).toMatch(/^https?:\/\//);
      expect(entry.published && entry.updated).toBeTruthy();
      expect(entry.authors?.[0]?.name).toBeTruthy();
      expect(entry.content).toBeTruthy();
    }
    for (const item of json.items ?? []) {
      expect(item.url).toMatch(/^https?:\/\//);
      expect(item.content_html).toBeTruthy();
      expect(item.date_published).toBeTruthy();
    }
    const slugs = (links: (string | undefined)[]) => links.map((link) => articleSlugOf(link ?? '')).sort();
    expect(slugs((rss.items ?? []).map((item) => item.link))).toEqual(published.slice(0, expected));
    expect(slugs((atom.entries ?? []).map((entry) => entry.id))).toEqual(published.slice(0, expected));
    expect(slugs((json.items ?? []).map((item) => item.url))).toEqual(published.slice(0, expected));
  });

  test('a section has its own RSS feed with that section’s articles', async ({ request }) => {
    const expected = await listedArticleSlugs(request, ARCHIVE);
    const feed = parseRssFeed(await getText(request, `${ARCHIVE}/feed.xml`));
    console.log(`feeds: ${ARCHIVE}/feed.xml ${feed.items?.length ?? 0} items`);
    expect((feed.items ?? []).map((item) => articleSlugOf(item.link ?? '')).sort()).toEqual(expected.slice(0, 50));
  });

  test('feeds and sitemaps can be cached by a CDN and revalidated with ETag and Last-Modified', async ({ request }) => {
    for (const url of ['/feed.xml', '/atom.xml', '/feed.json', `${ARCHIVE}/feed.xml`, '/sitemap.xml', '/news-sitemap.xml']) {
      const response = await request.get(url);
      const headers = response.headers();
      expect(headers['cache-control'], url).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
      expect(headers.etag, url).toMatch(/^"[^"]+"$/);
      expect(Date.parse(headers['last-modified'] ?? ''), url).not.toBeNaN();
    }
  });
});

test.describe('page metadata and structured data', () => {
  test('an article has the NewsArticle fields rich results need, and its breadcrumb', async ({ request }) => {
    const html = await getText(request, `/articles/${PLAIN_ARTICLE}`);
    const nodes = jsonLdNodes(html);
    const article = nodes.find((node) => node['@type'] === 'NewsArticle');
    if (!article) throw new Error('no NewsArticle');
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: expect.any(String),
      description: expect.any(String),
      datePublished: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      dateModified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      articleSection: expect.any(String),
      inLanguage: 'en',
      wordCount: expect.any(Number),
      mainEntityOfPage: { '@type': 'WebPage', '@id': expect.stringMatching(new RegExp(`^https?://[^/]+/articles/${PLAIN_ARTICLE}$`)) },
      publisher: {
        '@type': 'Organization',
        name: expect.any(String),
        logo: { '@type': 'ImageObject', url: expect.stringMatching(/^https?:\/\/.+\.png$/) },
      },
    });
    expect(article.image).toEqual([expect.stringMatching(new RegExp(`^https?://[^/]+/articles/${PLAIN_ARTICLE}/opengraph-image$`))]);
    expect((article.keywords as string[]).length).toBeGreaterThan(0);
    const authors = article.author as Record<string, string>[];
    expect(authors.length).toBeGreaterThan(0);
    for (const author of authors)
      expect(author).toMatchObject({
        '@type': 'Person',
        name: expect.any(String),
        url: expect.stringMatching(/^https?:\/\/[^/]+\/author\//),
      });

    const crumbs = nodes.find((node) => node['@type'] === 'BreadcrumbList');
    const items = (crumbs?.itemListElement ?? []) as { position: number; name: string; item: string }[];
    expect(items.map((item) => item.position)).toEqual([1, 2, 3]);
    expect(items[0]?.name).toBe('Home');
    expect(sitePath(items[1]?.item ?? '')).toMatch(/^\/category\//);
    expect(items[2]?.name).toBe(article.headline);

    // Logo, section and author addresses lead somewhere.
    const publisher = article.publisher as { logo: { url: string } };
    const logo = await request.get(sitePath(publisher.logo.url));
    expect(logo.status()).toBe(200);
    expect(pngSize(await logo.body()).width).toBeGreaterThan(0);
  });

  test('the home page is a WebSite, an archive a CollectionPage with a breadcrumb', async ({ request }) => {
    const home = jsonLdNodes(await getText(request, '/'));
    expect(home.find((node) => node['@type'] === 'WebSite')).toMatchObject({
      name: expect.any(String),
      url: expect.stringMatching(/^https?:\/\//),
    });
    const archive = jsonLdNodes(await getText(request, ARCHIVE));
    const collection = archive.find((node) => node['@type'] === 'CollectionPage');
    expect(collection).toMatchObject({ url: expect.stringMatching(new RegExp(`${ARCHIVE}$`)), mainEntity: { '@type': 'ItemList' } });
    expect(archive.some((node) => node['@type'] === 'BreadcrumbList')).toBe(true);
  });

  test('canonical and OpenGraph tags are present and absolute; feeds are announced on every page', async ({ page }) => {
    const absolute = /^https?:\/\/[^/]+/;
    for (const url of ['/', ARCHIVE, `/articles/${PLAIN_ARTICLE}`, `/articles/${RTL_ARTICLE}`]) {
      await page.goto(url);
      const head = page.locator('head');
      await expect(head.locator('link[rel="canonical"]'), url).toHaveAttribute('href', absolute);
      expect(sitePath((await head.locator('link[rel="canonical"]').getAttribute('href')) ?? '').replace(/^$/, '/'), url).toBe(url);
      await expect(head.locator('meta[property="og:url"]'), url).toHaveAttribute('content', absolute);
      await expect(head.locator('meta[property="og:title"]'), url).toHaveAttribute('content', /\S/);
      await expect(head.locator('meta[property="og:description"]'), url).toHaveAttribute('content', /\S/);
      await expect(head.locator('link[rel="alternate"][type="application/rss+xml"]').first(), url).toHaveAttribute('href', absolute);
      await expect(head.locator('link[rel="alternate"][type="application/atom+xml"]'), url).toHaveAttribute('href', absolute);
      await expect(head.locator('link[rel="alternate"][type="application/feed+json"]'), url).toHaveAttribute('href', absolute);
    }

    await page.goto(`/articles/${RTL_ARTICLE}`);
    const head = page.locator('head');
    await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(head.locator('meta[property="article:published_time"]')).toHaveAttribute('content', /^\d{4}-/);
    await expect(head.locator('meta[property="article:modified_time"]')).toHaveAttribute('content', /^\d{4}-/);
    await expect(head.locator('meta[property="article:section"]')).toHaveAttribute('content', /\S/);
    expect(await head.locator('meta[property="article:tag"]').count()).toBeGreaterThan(0);
    await expect(head.locator('meta[property="og:image"]')).toHaveAttribute(
      'content',
      new RegExp(`^https?://[^/]+/articles/${RTL_ARTICLE}/opengraph-image$`),
    );
    await expect(head.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', /\S/);
    await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expect(page.locator('main article').first()).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"][href$="/feed.xml"]')).toHaveCount(2);

    await page.goto('/page/2');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, follow');
    const missing = await page.goto('/no/such/page');
    expect(missing?.status()).toBe(404);
    await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
  });

  test('an article without a picture gets a generated 1200×630 PNG', async ({ request }) => {
    for (const slug of [PLAIN_ARTICLE, RTL_ARTICLE]) {
      const response = await request.get(`/articles/${slug}/opengraph-image`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/png');
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
    }
  });
});

test.describe('moved and removed articles', () => {
  test('an old slug answers a permanent redirect to the article’s address', async ({ request }) => {
    const response = await request.get(`/articles/${OLD_SLUG}`, { maxRedirects: 0 });
    console.log(`/articles/${OLD_SLUG}: ${response.status()} → ${response.headers().location}`);
    expect([301, 308]).toContain(response.status());
    expect(sitePath(new URL(response.headers().location ?? '', 'http://site.invalid').href)).toBe(`/articles/${MOVED_ARTICLE}`);
    const followed = await request.get(`/articles/${OLD_SLUG}`);
    expect(followed.status()).toBe(200);
    expect(followed.url()).toMatch(new RegExp(`/articles/${MOVED_ARTICLE}$`));
  });

  test('a removed article answers 410 Gone with a page a reader can read', async ({ page, request }) => {
    const head = await request.get(`/articles/${REMOVED_SLUG}`, { maxRedirects: 0 });
    console.log(`/articles/${REMOVED_SLUG}: ${head.status()}`);
    expect(head.status()).toBe(410);
    expect((await request.head(`/articles/${REMOVED_SLUG}`, { maxRedirects: 0 })).status()).toBe(410);
    // A comment posted to it meets the same answer.
    expect((await request.post(`/articles/${REMOVED_SLUG}`, { form: { comment: 'Still there?' }, maxRedirects: 0 })).status()).toBe(410);
    const response = await page.goto(`/articles/${REMOVED_SLUG}`);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This article has been removed');
    await expect(page.getByRole('link', { name: /front page/i })).toHaveAttribute('href', '/');
  });
});

test.describe('valid HTML', () => {
  test('the Nu HTML Checker finds no errors on the home page, an article, an archive and the 404 page', async ({ request }) => {
    test.setTimeout(120_000);
    const pages = {
      home: '/',
      article: `/articles/${PLAIN_ARTICLE}`,
      'rtl-article': `/articles/${RTL_ARTICLE}`,
      archive: ARCHIVE,
      'not-found': '/no/such/page',
    };
    const failures: string[] = [];
    for (const [name, url] of Object.entries(pages)) {
      const response = await request.get(url);
      expect(response.status()).toBe(name === 'not-found' ? 404 : 200);
      const html = await response.text();
      // One h1, and no heading deeper than one level below the one before it.
      const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
      expect(
        levels.filter((level) => level === 1),
        url,
      ).toHaveLength(1);
      expect(
        levels.every((level, index) => index === 0 || level <= (levels[index - 1] ?? 1) + 1),
        `${url}: ${levels.join(' ')}`,
      ).toBe(true);
      for (const element of ['<header', '<nav', '<main', '<footer']) expect(html, url).toContain(element);
      const errors = checkHtml(html, name).filter((message) => message.type === 'error');
      console.log(`vnu ${name} (${url}): ${errors.length} errors`);
      failures.push(...errors.map((error) => `${url}:${error.lastLine ?? '?'}: ${error.message} [${error.extract ?? ''}]`));
    }
    expect(failures).toEqual([]);
  });
});

test('static pages can be served by a CDN and refreshed in the background', async ({ request }) => {
  for (const url of ['/', '/page/2', ARCHIVE, `/articles/${PLAIN_ARTICLE}`]) {
    const cacheControl = (await request.get(url)).headers()['cache-control'] ?? '';
    console.log(`${url}: Cache-Control: ${cacheControl}`);
    expect(cacheControl, url).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/);
  }
});
