import type { Metadata } from 'next';

import { listingMetadata, ListingPage } from '@/app/_lib/listing-page';
import { latestListing } from '@/app/_lib/listings';

// Regenerated in the background at most every five minutes, so listings pick up
// scheduled articles; Next.js derives `s-maxage=300, stale-while-revalidate` from it.
export const revalidate = 300;

export function generateMetadata(): Metadata {
  return listingMetadata(latestListing, '', 1);
}

export default function HomePage() {
  return <ListingPage source={latestListing} listingKey="" page={1} />;
}
