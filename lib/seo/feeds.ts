import 'server-only';

import type { Article, ArticleImage, Category } from '@/lib/content';
import { articlePath, ATOM_PATH, authorPath, categoryFeedPath, categoryPath, HOME_PATH, JSON_FEED_PATH, RSS_PATH } from '@/lib/routes';
import { newestChange, rfc822 } from '@/lib/seo/dates';
import { absolutizeHtml } from '@/lib/seo/html';
import { cdata, element, emptyElement, escapeXml, XML_DECLARATION } from '@/lib/seo/xml';
import { absoluteUrl, type Settings } from '@/lib/settings';

// RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the same articles. Every text is
// escaped (or put in CDATA) here, so a headline is never markup.

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = 50;

export type FeedChannel = {
  title: string;
  description: string;
  /** The HTML page the feed follows, e.g. `/` or `/category/politics`. */
  path: string;
  /** The feed's own path, e.g. `/feed.xml`. */
  feedPath: string;
  language: string;
};

export type FeedFormat = 'rss' | 'atom' | 'json';

const SITE_FEED_PATHS: Record<FeedFormat, string> = { rss: RSS_PATH, atom: ATOM_PATH, json: JSON_FEED_PATH };

export function siteFeedChannel(settings: Settings, format: FeedFormat): FeedChannel {
  return {
    title: settings.siteName,
    description: settings.siteDescription,
    path: HOME_PATH,
    feedPath: SITE_FEED_PATHS[format],
    language: settings.siteLang,
  };
}

export function categoryFeedChannel(category: Category, settings: Settings): FeedChannel {
  return {
    title: `${category.name} | ${settings.siteName}`,
    description: category.description || settings.siteDescription,
    path: categoryPath(category.slug),
    feedPath: categoryFeedPath(category.slug),
    language: settings.siteLang,
  };
}

/** The article body for a reader away from the site: lead picture first, every URL absolute. */
export function feedContentHtml(article: Article, settings: Pick<Settings, 'siteUrl'>): string {
  const url = absoluteUrl(articlePath(article.slug), settings);
  const figure = article.image ? leadFigure(article.image) : '';
  return absolutizeHtml(`${figure}${article.html}`, url, settings.siteUrl);
}

function leadFigure(image: ArticleImage): string {
  const { src, alt, width, height } = image;
  const credit = [image.caption, image.credit].filter(Boolean).join(' — ');
  const caption = credit ? `<figcaption>${escapeXml(credit)}</figcaption>` : '';
  return `<figure><img src="${escapeXml(src)}" alt="${escapeXml(alt)}" width="${width}" height="${height}">${caption}</figure>`;
}

/** Category and tag names, without repeats, primary category first. */
function labels(article: Article): string[] {
  return [...new Set([...article.categories.map((category) => category.name), ...article.tags.map((tag) => tag.name)])];
}

export function rssFeed(channel: FeedChannel, articles: readonly Article[], settings: Settings): string {
  const link = absoluteUrl(channel.path, settings);
  const newest = newestChange(articles);
  const logo = /\.(png|jpe?g|gif)$/i.test(settings.publisherLogo) ? settings.publisherLogo : undefined;
  const items = articles.map((article) => {
    const url = absoluteUrl(articlePath(article.slug), settings);
    return [
      '<item>',
      element('title', article.title),
      element('link', url),
      element('guid', url, { isPermaLink: 'true' }),
      element('pubDate', rfc822(article.date)),
      ...article.authors.map((author) => element('dc:creator', author.name)),
      ...labels(article).map((label) => element('category', label)),
      element('description', article.excerpt),
      `<content:encoded>${cdata(feedContentHtml(article, settings))}</content:encoded>`,
      '</item>',
    ].join('');
  });
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', channel.title),
    element('link', link),
    element('description', channel.description),
    element('language', channel.language),
    ...(newest ? [element('lastBuildDate', rfc822(newest))] : []),
    emptyElement('atom:link', { href: absoluteUrl(channel.feedPath, settings), rel: 'self', type: 'application/rss+xml' }),
    ...(logo ? [`<image>${element('url', logo)}${element('title', channel.title)}${element('link', link)}</image>`] : []),
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** `fallbackUpdated` is the feed's `updated` when it has no entries (Atom requires one). */
export function atomFeed(
  channel: FeedChannel,
  articles: readonly Article[],
  settings: Settings,
  fallbackUpdated: string = new Date().toISOString(),
): string {
  const link = absoluteUrl(channel.path, settings);
  const categoryScheme = absoluteUrl('/category/', settings);
  const tagScheme = absoluteUrl('/tag/', settings);
  const entries = articles.map((article) => {
    const url = absoluteUrl(articlePath(article.slug), settings);
    return [
      `<entry${article.lang === channel.language ? '' : ` xml:lang="${escapeXml(article.lang)}"`}>`,
      element('id', url),
      element('title', article.title, { type: 'text' }),
      emptyElement('link', { rel: 'alternate', type: 'text/html', href: url }),
      element('published', article.date),
      element('updated', article.updated ?? article.date),
      ...article.authors.map(
        (author) => `<author>${element('name', author.name)}${element('uri', absoluteUrl(authorPath(author.id), settings))}</author>`,
      ),
      ...article.categories.map(({ slug, name }) => emptyElement('category', { term: slug, label: name, scheme: categoryScheme })),
      ...article.tags.map(({ slug, name }) => emptyElement('category', { term: slug, label: name, scheme: tagScheme })),
      element('summary', article.excerpt, { type: 'text' }),
      element('content', feedContentHtml(article, settings), { type: 'html' }),
      '</entry>',
    ].join('');
  });
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(channel.language)}">`,
    element('id', link),
    element('title', channel.title, { type: 'text' }),
    element('subtitle', channel.description, { type: 'text' }),
    element('updated', newestChange(articles) ?? fallbackUpdated),
    emptyElement('link', { rel: 'alternate', type: 'text/html', href: link }),
    emptyElement('link', { rel: 'self', type: 'application/atom+xml', href: absoluteUrl(channel.feedPath, settings) }),
    `<author>${element('name', settings.publisherName)}${element('uri', absoluteUrl(HOME_PATH, settings))}</author>`,
    element('logo', settings.publisherLogo),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function jsonFeed(channel: FeedChannel, articles: readonly Article[], settings: Settings): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: absoluteUrl(channel.path, settings),
    feed_url: absoluteUrl(channel.feedPath, settings),
    description: channel.description,
    language: channel.language,
    authors: [{ name: settings.publisherName, url: absoluteUrl(HOME_PATH, settings) }],
    items: articles.map((article) => {
      const url = absoluteUrl(articlePath(article.slug), settings);
      return {
        id: url,
        url,
        title: article.title,
        content_html: feedContentHtml(article, settings),
        summary: article.excerpt,
        ...(article.image ? { image: absoluteUrl(article.image.src, settings) } : {}),
        date_published: article.date,
        date_modified: article.updated ?? article.date,
        authors: article.authors.map((author) => ({ name: author.name, url: absoluteUrl(authorPath(author.id), settings) })),
        tags: labels(article),
        language: article.lang,
      };
    }),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
