import { siteFeedResponse } from '@/lib/http';

// Prerendered at build time; the response carries its own Cache-Control.
export const dynamic = 'force-static';

export function GET(): Response {
  return siteFeedResponse('atom');
}
