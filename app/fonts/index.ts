import localFont from 'next/font/local';

// The files come straight from the @fontsource packages (dependencies already,
// also read by lib/seo/social-image.ts), so upgrading a package upgrades the
// site's type. next/font serves them under /_next/static/media with hashed
// names: no request leaves the site. Font loader options must be literals.

/**
 * Headlines and article text: Noto Serif, Latin subset, in the weights the
 * pages use (400 for text, 700 for headlines; the masthead's 900 takes the
 * 700 face, as it did with Georgia). Every page paints both above the fold,
 * so both are preloaded.
 */
export const notoSerif = localFont({
  src: [
    { path: '../../node_modules/@fontsource/noto-serif/files/noto-serif-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../../node_modules/@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  // `optional`: a font that arrives after the first paint is kept for the next
  // page instead of swapped in, so text never moves (phones often lack the
  // Times New Roman the fallback metrics are made from). Preloaded, it is in
  // time on most connections, and cached for every page after.
  display: 'optional',
  // The fallback face is scaled to Noto Serif's metrics, for the first page on a slow link.
  adjustFontFallback: 'Times New Roman',
  // Shared with notoSerifItalic: one family, so `em` gets the real italic, not a
  // slanted upright. Next names the family and its CSS variable after the constant.
  declarations: [{ prop: 'font-family', value: 'notoSerif' }],
  variable: '--font-serif',
});

/** Italics appear in some articles only; a browser fetches them when a page uses them. */
export const notoSerifItalic = localFont({
  src: '../../node_modules/@fontsource/noto-serif/files/noto-serif-latin-400-italic.woff2',
  weight: '400',
  style: 'italic',
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
  declarations: [{ prop: 'font-family', value: 'notoSerif' }],
});

/**
 * Dari, Pashto and other Arabic-script articles: Vazirmatn's Arabic subset.
 * Its variable is set on an article page's article only, and its
 * unicode-range limits it to Arabic-script text, so only such an article
 * fetches it; Latin pages, even those listing a Dari headline, never do, and
 * it is never preloaded.
 *
 * Not preloaded, it arrives after the first paint, and no fallback matches its
 * metrics (Next derives one from Arial, which has no Arabic glyphs, so that is
 * off too): a swap would move the whole article. `optional` uses it when it
 * arrives within the first ~100 ms (always once cached: every Dari article
 * after the reader's first) and otherwise keeps the system face for that page.
 */
export const vazirmatn = localFont({
  src: [
    { path: '../../node_modules/@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../../node_modules/@fontsource/vazirmatn/files/vazirmatn-arabic-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
  declarations: [
    {
      prop: 'unicode-range',
      // The range @fontsource/vazirmatn gives its Arabic subset.
      value:
        'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC,U+102E0-102FB,U+10E60-10E7E,U+10EC2-10EC4,U+10EFC-10EFF,U+1EE00-1EE03,U+1EE05-1EE1F,U+1EE21-1EE22,U+1EE24,U+1EE27,U+1EE29-1EE32,U+1EE34-1EE37,U+1EE39,U+1EE3B,U+1EE42,U+1EE47,U+1EE49,U+1EE4B,U+1EE4D-1EE4F,U+1EE51-1EE52,U+1EE54,U+1EE57,U+1EE59,U+1EE5B,U+1EE5D,U+1EE5F,U+1EE61-1EE62,U+1EE64,U+1EE67-1EE6A,U+1EE6C-1EE72,U+1EE74-1EE77,U+1EE79-1EE7C,U+1EE7E,U+1EE80-1EE89,U+1EE8B-1EE9B,U+1EEA1-1EEA3,U+1EEA5-1EEA9,U+1EEAB-1EEBB,U+1EEF0-1EEF1',
    },
  ],
  variable: '--font-arabic',
});
