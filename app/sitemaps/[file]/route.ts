import { sitemapPartFiles, sitemapPartResponse } from '@/lib/http';

// The parts of a sitemap too large for one file, listed by the index at /sitemap.xml.
export const dynamic = 'force-static';

export function generateStaticParams(): { file: string }[] {
  return sitemapPartFiles().map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  return sitemapPartResponse(file) ?? new Response('Not found', { status: 404 });
}
