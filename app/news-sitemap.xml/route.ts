import { newsSitemapResponse } from '@/lib/http';

// The two-day window is measured when the file is made: at build, when an
// article is published (lib/publishing), and at least hourly, so articles
// leave it on time even on a quiet day.
export const dynamic = 'force-static';
export const revalidate = 3600;

export function GET(): Response {
  return newsSitemapResponse();
}
