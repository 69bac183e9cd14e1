import type { Metadata } from 'next';

import { listingMetadata, ListingPage } from '@/app/_lib/listing-page';
import { categoryListing } from '@/app/_lib/listings';
import { parsePageParam } from '@/app/_lib/page-param';
import { prerenderedLaterPages } from '@/app/_lib/prerender';

type Props = { params: Promise<{ slug: string; page: string }> };

// Regenerated in the background at most every five minutes, so listings pick up
// scheduled articles; Next.js derives `s-maxage=300, stale-while-revalidate` from it.
export const revalidate = 300;

export function generateStaticParams() {
  return prerenderedLaterPages(categoryListing).map(({ key, page }) => ({ slug: key, page }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  return listingMetadata(categoryListing, slug, parsePageParam(page));
}

export default async function CategoryArchiveLaterPage({ params }: Props) {
  const { slug, page } = await params;
  return <ListingPage source={categoryListing} listingKey={slug} page={parsePageParam(page)} />;
}
