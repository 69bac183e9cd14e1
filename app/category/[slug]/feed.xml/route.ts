import { getCategories } from '@/lib/content';
import { categoryFeedResponse } from '@/lib/http';

export const dynamic = 'force-static';

export function generateStaticParams(): { slug: string }[] {
  return getCategories().map((category) => ({ slug: category.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return categoryFeedResponse(slug) ?? new Response('Not found', { status: 404 });
}
