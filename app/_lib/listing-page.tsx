import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { ArticleList } from '@/components/article/article-list';
import { ArchiveHeader } from '@/components/layout/archive-header';
import { Pagination } from '@/components/layout/pagination';

import type { ListingSource } from './listings';

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
      <ArchiveHeader
        title={heading}
        kicker={listing.kicker}
        description={page === 1 ? listing.description : undefined}
        compact={listing.front}
      />
      {result.items.length > 0 ? (
        <ArticleList articles={result.items} lead={listing.front && page === 1} label={listing.title} />
      ) : (
        <p className="text-muted">No articles here yet.</p>
      )}
      <Pagination basePath={listing.basePath} page={result.page} totalPages={result.totalPages} />
    </div>
  );
}

export function listingMetadata(source: ListingSource, listingKey: string, page: number): Metadata {
  const listing = source.load(listingKey, page);
  if (!listing) return {};
  return {
    title: page > 1 ? `${listing.title}, page ${page}` : listing.title,
    description: listing.description,
  };
}
