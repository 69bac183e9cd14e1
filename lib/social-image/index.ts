import 'server-only';

// The generated preview image of an article without a picture: its fonts,
// and its text laid out (Arabic-script headlines shaped by hand, since the
// image renderer does not shape them).

export { SOCIAL_FONT_FAMILY, socialCardContent, socialImageFonts } from '@/lib/social-image/image';
export type { SocialCardContent, SocialFont } from '@/lib/social-image/image';
export type { Direction } from '@/lib/social-image/text';
