import 'server-only';

import fs from 'node:fs';
import path from 'node:path';

import type { ArticleSummary } from '@/lib/content';
import type { Settings } from '@/lib/settings';
import { layoutWords, type Direction } from '@/lib/social-image/text';

// The generated 1200×630 picture of an article without one of its own: its
// headline, primary section and the site's name. The fonts are the WOFF files
// of npm packages the site installs (the renderer reads WOFF, not WOFF2), so
// the picture is made without the network: Noto Serif for Latin text and
// Vazirmatn, drawn for Persian, for Dari and other Arabic-script headlines.

export type SocialFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };

const FONT_PACKAGES = [
  { name: 'Noto Serif', dir: 'noto-serif', file: 'noto-serif', subsets: ['latin', 'latin-ext'] },
  { name: 'Vazirmatn', dir: 'vazirmatn', file: 'vazirmatn', subsets: ['arabic'] },
] as const;
const WEIGHTS = [400, 700] as const;

/** The families in the order the renderer tries them for each character. */
export const SOCIAL_FONT_FAMILY = FONT_PACKAGES.map((font) => `"${font.name}"`).join(', ');

type LoadedFonts = { fonts: SocialFont[]; renderable: (char: string) => boolean };

let loaded: LoadedFonts | undefined;

function packageDir(name: string): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules', '@fontsource', name);
}

/** `U+0600-06FF,U+200C` → code point ranges. */
function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [start = '0', end] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(start, 16), Number.parseInt(end ?? start, 16)];
  });
}

/** The font files, read once, and which characters they can draw (from each package's subset ranges). */
export function socialImageFonts(): LoadedFonts {
  if (loaded) return loaded;
  const fonts: SocialFont[] = [];
  const ranges: [number, number][] = [];
  for (const font of FONT_PACKAGES) {
    const dir = packageDir(font.dir);
    const unicode = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const subset of font.subsets) {
      ranges.push(...parseUnicodeRange(unicode[subset] ?? ''));
      for (const weight of WEIGHTS) {
        const file = path.join(dir, 'files', `${font.file}-${subset}-${weight}-normal.woff`);
        fonts.push({ name: font.name, data: fs.readFileSync(file), weight, style: 'normal' });
      }
    }
  }
  const renderable = (char: string): boolean => {
    const code = char.codePointAt(0) ?? 0;
    return ranges.some(([start, end]) => code >= start && code <= end);
  };
  loaded = { fonts, renderable };
  return loaded;
}

export type SocialCardContent = {
  /** Words in layout order (see layoutWords). */
  headline: string[];
  section: string[];
  siteName: string[];
  dir: Direction;
  /** Pixels: longer headlines get smaller type so they fit. */
  headlineSize: number;
};

function headlineSize(title: string): number {
  const length = [...title].length;
  if (length <= 50) return 72;
  if (length <= 90) return 60;
  if (length <= 140) return 50;
  return 42;
}

export function socialCardContent(
  article: Pick<ArticleSummary, 'title' | 'categories' | 'dir'>,
  settings: Pick<Settings, 'siteName'>,
): SocialCardContent {
  const { renderable } = socialImageFonts();
  const section = article.categories[0]?.name ?? '';
  return {
    headline: layoutWords(article.title, article.dir, renderable),
    section: layoutWords(section, article.dir, renderable),
    siteName: layoutWords(settings.siteName, 'ltr', renderable),
    dir: article.dir,
    headlineSize: headlineSize(article.title),
  };
}
