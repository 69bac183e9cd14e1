import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ArticleList } from '@/components/article/article-list';
import { ArchiveHeader } from '@/components/layout/archive-header';
import { Pagination } from '@/components/layout/pagination';
import { JsonLdScript } from '@/components/seo/json-ld-script';
import type { ArticleSummary } from '@/lib/content';
import { HOME_PATH, pagedPath } from '@/lib/routes';
import { archiveMetadata, breadcrumbJsonLd, collectionPageJsonLd, HOME_CRUMB, serializeJsonLd, websiteJsonLd } from '@/lib/seo';
import { getSettings, type Settings } from '@/lib/settings';

import type { Listing, ListingSource } from './listings';

type ListingPageProps = {
  source: ListingSource;
  listingKey: string;
  page: number;
};

/** The body of the front page and of every archive page. */
export function ListingPage({ source, listingKey, page }: ListingPageProps) {
  const listing = source.load(listingKey, page);
  if (!listing) notFound();
  const { result } = listing;
  const heading = page > 1 ? `${listing.title}, page ${page}` : listing.title;

  return (
    <div className="mx-auto max-w-page px-4 py-8">
      <JsonLdScript json={listingJsonLd(listing, heading, getSettings())} />
      <ArchiveHeader
        title={heading}
        kicker={listing.kicker}
        description={page === 1 ? listing.description : undefined}
        compact={listing.front}
      />
      {result.items.length > 0 ? (
        <ArticleList
          articles={withLead(listing)}
          lead={page === 1 && (listing.front || listing.featured !== undefined)}
          label={listing.title}
        />
      ) : (
        <p className="text-muted">No articles here yet.</p>
      )}
      <Pagination basePath={listing.basePath} page={result.page} totalPages={result.totalPages} />
    </div>
  );
}

/** The listing's articles, its featured one first (once) when it has one. */
function withLead({ featured, result }: Listing): ArticleSummary[] {
  return featured ? [featured, ...result.items.filter((item) => item.slug !== featured.slug)] : result.items;
}

/** The site itself on the front page; elsewhere the listing as a CollectionPage, with its breadcrumb in an archive. */
function listingJsonLd(listing: Listing, heading: string, settings: Settings): string {
  const { result } = listing;
  if (listing.front && result.page === 1) return serializeJsonLd(websiteJsonLd(settings));
  const collection = collectionPageJsonLd(
    {
      name: heading,
      description: listing.description,
      path: pagedPath(listing.basePath, result.page),
      articles: result.items,
      firstPosition: (result.page - 1) * result.pageSize + 1,
    },
    settings,
  );
  if (listing.front) return serializeJsonLd(collection);
  const crumbs = [
    { name: HOME_CRUMB, path: HOME_PATH },
    { name: listing.title, path: listing.basePath },
  ];
  return serializeJsonLd([collection, breadcrumbJsonLd(crumbs, settings)]);
}

export function listingMetadata(source: ListingSource, listingKey: string, page: number): Metadata {
  const listing = source.load(listingKey, page);
  if (!listing) return {};
  const settings = getSettings();
  return archiveMetadata(
    {
      // The front page keeps the site's own title from the root layout.
      title: listing.front ? undefined : listing.title,
      description: listing.description || (listing.front ? settings.siteDescription : `${listing.title}: ${settings.siteName}`),
      basePath: listing.basePath,
      page,
      category: listing.category,
    },
    settings,
  );
}
