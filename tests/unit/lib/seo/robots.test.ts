import { describe, expect, it } from 'vitest';

import { robotsRules } from '@/lib/seo/robots';

import { SETTINGS } from './fixtures';

describe('robotsRules', () => {
  it('allows everything but moderation and search, and names both sitemaps absolutely', () => {
    expect(robotsRules(SETTINGS)).toEqual({
      rules: { userAgent: '*', allow: '/', disallow: ['/moderation', '/preview', '/search'] },
      sitemap: ['https://news.example.com/sitemap.xml', 'https://news.example.com/news-sitemap.xml'],
    });
  });
});
