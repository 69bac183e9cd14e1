import { latestListing } from '@/app/_lib/listings';
import { ListingPage } from '@/app/_lib/listing-page';

export default function HomePage() {
  return <ListingPage source={latestListing} listingKey="" page={1} />;
}
