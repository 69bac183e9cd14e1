import { chromium } from '@playwright/test';

import { CHROMIUM_PATH as CHROMIUM, CHROMIUM_ARGS } from '../../tests/support/chromium';
import { classifyScripts, gzipSize, type BuildInfo, type JsWeight, type Script } from './chunks';

export const VIEWPORT = { width: 1280, height: 800 };

// Sums every layout shift without recent input since the page started,
// including those before this script could observe (buffered).
const OBSERVE_LAYOUT_SHIFTS = `
  window.__benchLayoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__benchLayoutShift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

const SCROLL_TO_BOTTOM = `(async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
    window.scrollTo(0, y);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
})()`;

export type PageWeight = {
  name: string;
  path: string;
  requests: number;
  requestsByType: Record<string, number>;
  htmlBytes: number;
  htmlGzipBytes: number;
  js: JsWeight;
  /** Scripts of other routes loaded by prefetching, not counted in `js`. */
  prefetchedScripts: number;
  layoutShift: number;
};

export async function measurePageWeights(
  baseURL: string,
  pages: ReadonlyArray<{ name: string; path: string }>,
  info: BuildInfo,
): Promise<PageWeight[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const results: PageWeight[] = [];
    for (const target of pages) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        await page.addInitScript(OBSERVE_LAYOUT_SHIFTS);
        const requestsByType: Record<string, number> = {};
        const scripts: Array<Promise<Script | null>> = [];
        let html: Promise<Buffer> | undefined;
        const url = `${baseURL}${target.path}`;
        page.on('request', (request) => {
          const type = request.resourceType();
          requestsByType[type] = (requestsByType[type] ?? 0) + 1;
        });
        page.on('response', (response) => {
          const type = response.request().resourceType();
          if (type === 'script') {
            scripts.push(
              response.body().then(
                (body) => ({ url: response.url(), body }),
                () => null,
              ),
            );
          } else if (type === 'document' && response.url() === url) {
            html = response.body();
          }
        });
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(1_000);
        await page.evaluate(SCROLL_TO_BOTTOM);
        await page.waitForTimeout(1_000);
        const layoutShift = Number(await page.evaluate('window.__benchLayoutShift'));
        if (!html) throw new Error(`no HTML response for ${url}`);
        const htmlBody = await html;
        const loaded = (await Promise.all(scripts)).filter((script): script is Script => script !== null);
        // The page's own scripts are those its HTML names (as <script src> or in
        // the RSC payload); the rest are chunks of linked routes that Next
        // prefetches once the links are visible, counted as requests only.
        const htmlText = htmlBody.toString('utf8');
        const named = loaded.filter((script) => htmlText.includes(new URL(script.url).pathname));
        results.push({
          name: target.name,
          path: target.path,
          requests: Object.values(requestsByType).reduce((sum, count) => sum + count, 0),
          requestsByType,
          htmlBytes: htmlBody.length,
          htmlGzipBytes: gzipSize(htmlBody),
          js: classifyScripts(named, info),
          prefetchedScripts: loaded.length - named.length,
          layoutShift,
        });
      } finally {
        await context.close();
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}
