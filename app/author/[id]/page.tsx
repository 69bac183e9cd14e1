import type { Metadata } from 'next';

import { listingMetadata, ListingPage } from '@/app/_lib/listing-page';
import { authorListing } from '@/app/_lib/listings';

type Props = { params: Promise<{ id: string }> };

// Regenerated in the background at most every five minutes, so listings pick up
// scheduled articles; Next.js derives `s-maxage=300, stale-while-revalidate` from it.
export const revalidate = 300;

export function generateStaticParams() {
  return authorListing.keys().map((id) => ({ id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return listingMetadata(authorListing, id, 1);
}

export default async function AuthorPage({ params }: Props) {
  const { id } = await params;
  return <ListingPage source={authorListing} listingKey={id} page={1} />;
}
