import { notFoundResponse, removedSlugResponse } from '@/lib/http';

// The address of an article listed in content/removed.yml is rewritten here
// (next.config.ts): 410 Gone with a short notice, read from the list as it is now.
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ slug: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { slug } = await params;
  return removedSlugResponse(slug) ?? notFoundResponse();
}
