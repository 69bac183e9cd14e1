import type { Metadata } from 'next';

import { listingMetadata, ListingPage } from '@/app/_lib/listing-page';
import { tagListing } from '@/app/_lib/listings';
import { prerenderedListingKeys } from '@/app/_lib/prerender';

type Props = { params: Promise<{ slug: string }> };

// Regenerated in the background at most every five minutes, so listings pick up
// scheduled articles; Next.js derives `s-maxage=300, stale-while-revalidate` from it.
export const revalidate = 300;

export function generateStaticParams() {
  return prerenderedListingKeys(tagListing).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return listingMetadata(tagListing, slug, 1);
}

export default async function TagPage({ params }: Props) {
  const { slug } = await params;
  return <ListingPage source={tagListing} listingKey={slug} page={1} />;
}
