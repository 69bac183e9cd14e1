import 'server-only';

import type {
  BreadcrumbList,
  CollectionPage,
  ListItem,
  NewsArticle,
  Organization,
  Person,
  SearchAction,
  WebSite,
  WithActionConstraints,
  WithContext,
} from 'schema-dts';

import type { ArticleSummary } from '@/lib/content';
import { articlePath, authorPath, categoryPath, HOME_PATH, SEARCH_PATH, socialImagePath } from '@/lib/routes';
import { absoluteUrl, type Settings } from '@/lib/settings';

// Structured data for Google's rich results (NewsArticle, BreadcrumbList) and
// for schema.org consumers in general. Builders return plain objects; a page
// puts `serializeJsonLd(value)` in a `<script type="application/ld+json">`.
// They are typed with schema-dts (types only: nothing of it is in the bundle),
// so a property schema.org does not define, or a value of the wrong kind, is a
// type error. Callbacks that build nested nodes name their type (`: ListItem`),
// since an object returned from an unannotated callback escapes the check for
// unknown properties.

/** A top-level structured-data document, as a page embeds it. */
export type JsonLd = WithContext<NewsArticle> | WithContext<BreadcrumbList> | WithContext<WebSite> | WithContext<CollectionPage>;

type UrlSettings = Pick<Settings, 'siteUrl'>;

const CONTEXT = 'https://schema.org' as const;

/** The publisher, embedded in other documents (so without `@context`). */
export function publisherJsonLd(settings: Settings): Organization {
  return {
    '@type': 'Organization',
    name: settings.publisherName,
    url: absoluteUrl(HOME_PATH, settings),
    logo: { '@type': 'ImageObject', url: settings.publisherLogo },
  };
}

/** Absolute URL of an article's picture: its own, or the generated social image. */
export function articleImageUrl(article: Pick<ArticleSummary, 'slug' | 'image'>, settings: UrlSettings): string {
  return absoluteUrl(article.image?.src ?? socialImagePath(article.slug), settings);
}

export function newsArticleJsonLd(article: ArticleSummary, settings: Settings): WithContext<NewsArticle> {
  const url = absoluteUrl(articlePath(article.slug), settings);
  const section = article.categories[0]?.name;
  const keywords = article.tags.map((tag) => tag.name);
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.excerpt,
    image: [articleImageUrl(article, settings)],
    datePublished: article.date,
    dateModified: article.updated ?? article.date,
    author: article.authors.map((author): Person => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(authorPath(author.id), settings),
      ...(author.role ? { jobTitle: author.role } : {}),
    })),
    publisher: publisherJsonLd(settings),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    ...(section ? { articleSection: section } : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    inLanguage: article.lang,
    wordCount: article.wordCount,
    isAccessibleForFree: true,
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((correction) => ({
            '@type': 'CorrectionComment' as const,
            text: correction.text,
            datePublished: correction.date,
          })),
        }
      : {}),
  };
}

export type Crumb = { name: string; path: string };

export const HOME_CRUMB = 'Home';

export function breadcrumbJsonLd(items: readonly Crumb[], settings: UrlSettings): WithContext<BreadcrumbList> {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index): ListItem => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: absoluteUrl(item.path, settings),
    })),
  };
}

/** Home › primary category › article. */
export function articleCrumbs(article: Pick<ArticleSummary, 'slug' | 'title' | 'categories'>): Crumb[] {
  const primary = article.categories[0];
  return [
    { name: HOME_CRUMB, path: HOME_PATH },
    ...(primary ? [{ name: primary.name, path: categoryPath(primary.slug) }] : []),
    { name: article.title, path: articlePath(article.slug) },
  ];
}

export function websiteJsonLd(settings: Settings): WithContext<WebSite> {
  const home = absoluteUrl(HOME_PATH, settings);
  // Sitelinks search box. `query-input` is not a schema.org property but an
  // action constraint; schema-dts types those (`<property>-input`) with
  // WithActionConstraints.
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(SEARCH_PATH, settings)}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${home}#website`,
    name: settings.siteName,
    description: settings.siteDescription,
    url: home,
    inLanguage: settings.siteLang,
    publisher: publisherJsonLd(settings),
    potentialAction: search,
  };
}

export type CollectionPageInput = {
  name: string;
  description?: string;
  /** The page's own path, e.g. `/category/politics/page/2`. */
  path: string;
  articles: readonly Pick<ArticleSummary, 'slug' | 'title'>[];
  /** Position of the first article in the whole listing (1 on page one). */
  firstPosition?: number;
};

export function collectionPageJsonLd(input: CollectionPageInput, settings: Settings): WithContext<CollectionPage> {
  const url = absoluteUrl(input.path, settings);
  const first = input.firstPosition ?? 1;
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    '@id': url,
    url,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    inLanguage: settings.siteLang,
    isPartOf: { '@type': 'WebSite', '@id': `${absoluteUrl(HOME_PATH, settings)}#website`, name: settings.siteName },
    mainEntity: {
      '@type': 'ItemList',
      itemListElement: input.articles.map((article, index): ListItem => ({
        '@type': 'ListItem',
        position: first + index,
        url: absoluteUrl(articlePath(article.slug), settings),
        name: article.title,
      })),
    },
  };
}

const SCRIPT_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for the inside of a `<script>` element. `<`, `>` and `&` are written as
 * JSON escapes so no value can close the element (`</script>`) or open a
 * comment, and U+2028/U+2029 so the text stays valid JavaScript too. JSON
 * parsers read the escapes back as the original characters.
 */
export function serializeJsonLd(value: JsonLd | readonly JsonLd[]): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_ESCAPES[char] ?? char);
}
