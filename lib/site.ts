import 'server-only';

// Site-wide constants. Settings that come from the environment are read in lib/env.ts.
export const site = {
  name: 'Dateline',
  tagline: 'Politics and security, explained',
  description: 'Dateline is a regional newsroom covering politics, government and security in Afghanistan, Pakistan and the wider region.',
  defaultLang: 'en',
  /** Times are shown to readers in the newsroom's own zone. */
  timeZone: 'Asia/Kabul',
  pageSize: 10,
  /**
   * Pages of one listing the build prerenders at most (the newest); deeper
   * archive pages are rare visits and render on first request, then are cached.
   */
  prerenderedListingPages: 5,
  relatedCount: 4,
  wordsPerMinute: 200,
} as const;
