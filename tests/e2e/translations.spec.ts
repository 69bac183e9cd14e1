// A story told in several languages: each version names the original with
// `translationOf`, and every version links the others ("Also in") and
// declares them as hreflang alternates, in its head and in the sitemap. The
// server reads its own copy of content/ with an English and a Pashto
// version of the Dari calendar explainer added.
import fs from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { startOnContentCopy, type ContentCopyServer, type TestServer } from './support/server';

const SECRET = 'e2e-translations-secret';
const DARI = 'hijri-shamsi-calendar-explained';
const ENGLISH = 'how-the-solar-hijri-calendar-works';
const PASHTO = 'hijri-shamsi-calendar-pashto';

function version(title: string, lang: string, body: string): string {
  return [
    '---',
    `title: "${title}"`,
    'date: 2026-11-15T10:00:00+04:30',
    'author: desk-kabul',
    `lang: ${lang}`,
    'categories: [Society, Afghanistan]',
    `translationOf: ${DARI}`,
    '---',
    body,
    '',
  ].join('\n');
}

let site: ContentCopyServer;
let server: TestServer;

test.beforeAll(async () => {
  site = await startOnContentCopy({ REVALIDATE_SECRET: SECRET }, (content) => {
    fs.writeFileSync(
      path.join(content, 'articles', `${ENGLISH}.md`),
      version(
        'How the Solar Hijri calendar works',
        'en',
        'Many people in Afghanistan plan their year by the Solar Hijri calendar, which begins at Nowruz.',
      ),
    );
    fs.writeFileSync(
      path.join(content, 'articles', `${PASHTO}.md`),
      version('لمریز هجري کلیز څنګه کار کوي؟', 'ps', 'په افغانستان کې ډېر خلک خپل کال د لمریز هجري کلیز له مخې پلان کوي.'),
    );
  });
  server = site.server;
  // Pages the build prerendered from the checkout's content are regenerated from this copy, as after a pull.
  const published = await fetch(`${server.baseURL}/api/revalidate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ content: true }),
  });
  expect(published.status).toBe(200);
});

test.afterAll(async () => {
  await site?.dispose();
});

const url = (slug: string) => `${server.baseURL}/articles/${slug}`;

test.describe('translations', () => {
  test('each version links the others, each named in its own language, and declares all of them as hreflang', async ({ page }) => {
    const expected = {
      [DARI]: [
        ['English', 'en', ENGLISH],
        ['پښتو', 'ps', PASHTO],
      ],
      [ENGLISH]: [
        ['دری', 'fa-AF', DARI],
        ['پښتو', 'ps', PASHTO],
      ],
      [PASHTO]: [
        ['English', 'en', ENGLISH],
        ['دری', 'fa-AF', DARI],
      ],
    };
    // The label is in the page's own language.
    const label: Record<string, string> = { [DARI]: 'به زبان‌های دیگر', [ENGLISH]: 'Also in', [PASHTO]: 'په نورو ژبو' };
    for (const [slug, others] of Object.entries(expected)) {
      await page.goto(url(slug));
      const links = page.getByRole('navigation', { name: label[slug] }).getByRole('link');
      await expect(links).toHaveCount(2);
      for (const [index, [name, lang, target]] of others.entries()) {
        const link = links.nth(index);
        await expect(link).toHaveText(name!);
        await expect(link).toHaveAttribute('hreflang', lang!);
        await expect(link).toHaveAttribute('lang', lang!);
        await expect(link).toHaveAttribute('href', `/articles/${target}`);
      }
      const alternates = await page
        .locator('head link[rel="alternate"][hreflang]')
        .evaluateAll((nodes) => nodes.map((node) => `${node.getAttribute('hreflang')} ${node.getAttribute('href')}`));
      // Every version, this one included, with its absolute address.
      expect(alternates.map((entry) => entry.replace(/ https?:\/\/[^/]+/, ' '))).toEqual([
        `en /articles/${ENGLISH}`,
        `fa-AF /articles/${DARI}`,
        `ps /articles/${PASHTO}`,
      ]);
    }
    // A story in one language has neither.
    await page.goto(url('salang-pass-winter-maintenance'));
    await expect(page.getByRole('navigation', { name: 'Also in' })).toHaveCount(0);
    await expect(page.locator('head link[rel="alternate"][hreflang]')).toHaveCount(0);
  });

  test('the sitemap lists the versions of each one as xhtml:link alternates', async () => {
    const sitemap = await (await fetch(`${server.baseURL}/sitemap.xml`)).text();
    expect(sitemap).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    for (const slug of [DARI, ENGLISH, PASHTO]) {
      const entry = new RegExp(`<url><loc>[^<]*/articles/${slug}</loc>.*?</url>`).exec(sitemap)?.[0] ?? '';
      for (const [lang, target] of [
        ['en', ENGLISH],
        ['fa-AF', DARI],
        ['ps', PASHTO],
      ]) {
        expect(entry, slug).toMatch(new RegExp(`<xhtml:link rel="alternate" hreflang="${lang}" href="[^"]*/articles/${target}"/>`));
      }
    }
  });
});
