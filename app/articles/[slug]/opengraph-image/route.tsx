import { ImageResponse } from 'next/og';

import { SocialCard } from '@/components/seo/social-card';
import { getArticle } from '@/lib/content';
import { CACHE_CONTROL } from '@/lib/http';
import { SOCIAL_IMAGE_SIZE } from '@/lib/seo';
import { getSettings } from '@/lib/settings';
import { SOCIAL_FONT_FAMILY, socialCardContent, socialImageFonts } from '@/lib/social-image';

// The social preview of an article without a picture of its own. Its address
// is the one lib/seo puts in og:image and JSON-LD; once made, it is kept like
// a static page until a publication that changes the article regenerates it.
export const dynamic = 'force-static';

// Made on first request rather than at build: a picture takes longer to
// render than its page, and only shared articles are ever asked for one.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const article = getArticle(slug);
  if (!article || article.image) return new Response('Not found', { status: 404 });
  const content = socialCardContent(article, getSettings());
  return new ImageResponse(<SocialCard {...content} fontFamily={SOCIAL_FONT_FAMILY} />, {
    ...SOCIAL_IMAGE_SIZE,
    fonts: socialImageFonts().fonts,
    // The picture changes with the headline, so it is cached like the page, not forever.
    headers: { 'Cache-Control': CACHE_CONTROL },
  });
}
