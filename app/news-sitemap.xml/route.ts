import { newsSitemapResponse } from '@/lib/seo/responses';

// The two-day window is measured from the time of the build.
export const dynamic = 'force-static';

export function GET(): Response {
  return newsSitemapResponse();
}
