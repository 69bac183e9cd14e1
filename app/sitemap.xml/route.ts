import { sitemapResponse } from '@/lib/http';

// A route handler rather than the sitemap.ts convention: that one cannot make
// /sitemap.xml a sitemap index once the site outgrows one file.
export const dynamic = 'force-static';

export function GET(): Response {
  return sitemapResponse();
}
