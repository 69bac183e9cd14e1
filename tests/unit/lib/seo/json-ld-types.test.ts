// The builders' schema-dts types. The type assertions are checked by
// `tsc --noEmit` (tests are part of the project), not when vitest runs them:
// a builder whose return type is widened, to `any` or to a loose
// `{ '@type': string }`, fails the typecheck.
import type {
  BreadcrumbList,
  CollectionPage,
  NewsArticle,
  Organization,
  SearchAction,
  WebSite,
  WithActionConstraints,
  WithContext,
} from 'schema-dts';
import { describe, expect, expectTypeOf, it } from 'vitest';

import {
  breadcrumbJsonLd,
  collectionPageJsonLd,
  newsArticleJsonLd,
  publisherJsonLd,
  serializeJsonLd,
  websiteJsonLd,
  type JsonLd,
} from '@/lib/seo/json-ld';

import { SETTINGS, summary } from './fixtures';

describe('JSON-LD builder types', () => {
  const documents = {
    newsArticle: newsArticleJsonLd(summary(), SETTINGS),
    breadcrumb: breadcrumbJsonLd([{ name: 'Home', path: '/' }], SETTINGS),
    website: websiteJsonLd(SETTINGS),
    collectionPage: collectionPageJsonLd({ name: 'Politics', path: '/category/politics', articles: [summary()] }, SETTINGS),
  };

  it('each builder returns its schema-dts type, wrapped for a top-level document', () => {
    expectTypeOf(newsArticleJsonLd).returns.toEqualTypeOf<WithContext<NewsArticle>>();
    expectTypeOf(breadcrumbJsonLd).returns.toEqualTypeOf<WithContext<BreadcrumbList>>();
    expectTypeOf(websiteJsonLd).returns.toEqualTypeOf<WithContext<WebSite>>();
    expectTypeOf(collectionPageJsonLd).returns.toEqualTypeOf<WithContext<CollectionPage>>();
    expectTypeOf(documents.newsArticle).toExtend<WithContext<NewsArticle>>();
    expectTypeOf(documents.newsArticle).not.toBeAny();

    expect(Object.fromEntries(Object.entries(documents).map(([name, value]) => [name, [value['@context'], value['@type']]]))).toEqual({
      newsArticle: ['https://schema.org', 'NewsArticle'],
      breadcrumb: ['https://schema.org', 'BreadcrumbList'],
      website: ['https://schema.org', 'WebSite'],
      collectionPage: ['https://schema.org', 'CollectionPage'],
    });
  });

  it('the publisher is an embedded Organization, not a document of its own', () => {
    const publisher = publisherJsonLd(SETTINGS);
    expectTypeOf(publisherJsonLd).returns.toEqualTypeOf<Organization>();
    expectTypeOf(publisher).not.toExtend<JsonLd>();
    expect(publisher).not.toHaveProperty('@context');
    expect(documents.newsArticle.publisher).toEqual(publisher);
  });

  it('the search action’s query-input is typed as an action constraint', () => {
    const action = documents.website.potentialAction;
    expectTypeOf<WithActionConstraints<SearchAction>>().toHaveProperty('query-input');
    expectTypeOf<WithActionConstraints<SearchAction>>().toExtend<NonNullable<WebSite['potentialAction']>>();
    expect(action).toMatchObject({ '@type': 'SearchAction', 'query-input': 'required name=search_term_string' });
  });

  it('pages embed any of the documents, alone or in a list', () => {
    expectTypeOf<JsonLd>().toEqualTypeOf<
      WithContext<NewsArticle> | WithContext<BreadcrumbList> | WithContext<WebSite> | WithContext<CollectionPage>
    >();
    expectTypeOf(serializeJsonLd).parameter(0).toEqualTypeOf<JsonLd | readonly JsonLd[]>();
    // @ts-expect-error: an object without `@context` is not a top-level document.
    expect(serializeJsonLd(publisherJsonLd(SETTINGS))).toContain('"@type":"Organization"');

    const all: JsonLd[] = Object.values(documents);
    expect(JSON.parse(serializeJsonLd(all))).toEqual(all);
  });
});
