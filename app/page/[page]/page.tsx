import type { Metadata } from 'next';

import { listingMetadata, ListingPage } from '@/app/_lib/listing-page';
import { latestListing } from '@/app/_lib/listings';
import { parsePageParam } from '@/app/_lib/page-param';
import { prerenderedLaterPages } from '@/app/_lib/prerender';

type Props = { params: Promise<{ page: string }> };

// Regenerated in the background at most every five minutes, so listings pick up
// scheduled articles; Next.js derives `s-maxage=300, stale-while-revalidate` from it.
export const revalidate = 300;

export function generateStaticParams() {
  return prerenderedLaterPages(latestListing).map(({ page }) => ({ page }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params;
  return listingMetadata(latestListing, '', parsePageParam(page));
}

export default async function LatestPage({ params }: Props) {
  const { page } = await params;
  return <ListingPage source={latestListing} listingKey="" page={parsePageParam(page)} />;
}
