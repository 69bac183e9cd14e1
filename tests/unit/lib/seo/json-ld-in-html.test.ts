// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { newsArticleJsonLd, serializeJsonLd } from '@/lib/seo/json-ld';

import { SETTINGS, summary } from './fixtures';

describe('JSON-LD in a page, read by an HTML parser', () => {
  it('stays one script element whose text is the original data, whatever the headline', () => {
    const data = newsArticleJsonLd(
      summary({ title: 'Vote </script><script>alert(1)</script> <!-- <script> \u2028 & done', excerpt: '</SCRIPT >' }),
      SETTINGS,
    );
    const html = `<!doctype html><html><head><script type="application/ld+json">${serializeJsonLd(data)}</script></head><body><p>after</p></body></html>`;
    const document = new DOMParser().parseFromString(html, 'text/html');
    const scripts = document.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]?.textContent ?? '')).toEqual(data);
    expect(document.body.textContent).toBe('after');
  });
});
