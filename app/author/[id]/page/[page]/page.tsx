import type { Metadata } from 'next';

import { listingMetadata, ListingPage } from '@/app/_lib/listing-page';
import { authorListing } from '@/app/_lib/listings';
import { parsePageParam } from '@/app/_lib/page-param';
import { prerenderedLaterPages } from '@/app/_lib/prerender';

type Props = { params: Promise<{ id: string; page: string }> };

// Regenerated in the background at most every five minutes, so listings pick up
// scheduled articles; Next.js derives `s-maxage=300, stale-while-revalidate` from it.
export const revalidate = 300;

export function generateStaticParams() {
  return prerenderedLaterPages(authorListing).map(({ key, page }) => ({ id: key, page }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, page } = await params;
  return listingMetadata(authorListing, id, parsePageParam(page));
}

export default async function AuthorArchiveLaterPage({ params }: Props) {
  const { id, page } = await params;
  return <ListingPage source={authorListing} listingKey={id} page={parsePageParam(page)} />;
}
