import type { Page, Response } from '@playwright/test';

/** A font the browser drew some text with, as Chromium reports it. */
export type RenderedFont = { familyName: string; isCustomFont: boolean; glyphCount: number };

/** One @font-face of the page, as document.fonts reports it. */
export type LoadedFace = { family: string; style: string; weight: string; unicodeRange: string; status: string };

export type LayoutShift = { value: number; sources: string[] };

function covers(face: LoadedFace, codePoint: number): boolean {
  return face.unicodeRange.split(',').some((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from!.replace(/\?/g, '0'), 16);
    const end = parseInt(to!.replace(/\?/g, 'F'), 16);
    return start <= codePoint && codePoint <= end;
  });
}

/** Whether a face is limited to Arabic script: it has alef and no Latin A. */
export function isArabicSubset(face: LoadedFace): boolean {
  return covers(face, 0x0627) && !covers(face, 0x41);
}

/**
 * What loading a page costs and does, as a reader's browser sees it: every
 * request it makes, the fonts it fetches and draws with, and how far the
 * layout moves while the reader reads.
 */
export class PageLoad {
  readonly requests: URL[] = [];
  readonly fontResponses: Response[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => this.requests.push(new URL(request.url())));
    page.on('response', (response) => {
      if (response.request().resourceType() === 'font') this.fontResponses.push(response);
    });
  }

  /** Opens the page and waits until it has loaded and its fonts are settled. */
  async open(path: string) {
    const response = await this.page.goto(path, { waitUntil: 'load' });
    await this.page.evaluate(() => document.fonts.ready);
    return response;
  }

  /** Reads the page to the bottom a screen at a time, then goes back to the top. */
  async readThrough() {
    await this.page.evaluate(async () => {
      const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await frames();
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
      await frames();
      window.scrollTo(0, 0);
      await frames();
    });
    await this.page.evaluate(() => document.fonts.ready);
  }

  /** Every layout shift since the page started loading that the reader did not cause. */
  async layoutShifts(): Promise<LayoutShift[]> {
    return this.page.evaluate(
      () =>
        new Promise<LayoutShift[]>((resolve) => {
          const shifts: LayoutShift[] = [];
          const collect = (entries: PerformanceEntryList) => {
            for (const entry of entries as unknown as Array<
              PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node | null }> }
            >) {
              if (entry.hadRecentInput) continue;
              const sources = entry.sources.map((source) => {
                const node = source.node;
                const element = node instanceof Element ? node : node?.parentElement;
                return `${element?.tagName.toLowerCase() ?? '?'} "${(node?.textContent ?? '').trim().slice(0, 40)}"`;
              });
              shifts.push({ value: entry.value, sources });
            }
          };
          const observer = new PerformanceObserver((list) => collect(list.getEntries()));
          observer.observe({ type: 'layout-shift', buffered: true });
          // Buffered entries arrive in a task of their own.
          setTimeout(() => {
            collect(observer.takeRecords());
            observer.disconnect();
            resolve(shifts);
          }, 50);
        }),
    );
  }

  /** The @font-face rules of the page and whether each has been fetched. */
  async fontFaces(): Promise<LoadedFace[]> {
    return this.page.evaluate(() =>
      [...document.fonts].map(({ family, style, weight, unicodeRange, status }) => ({ family, style, weight, unicodeRange, status })),
    );
  }

  /** The fonts Chromium drew the text of the first element matching `selector` with. */
  async renderedFonts(selector: string): Promise<RenderedFont[]> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      if (!nodeId) throw new Error(`No element matches ${selector}`);
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map(({ familyName, isCustomFont, glyphCount }) => ({ familyName, isCustomFont, glyphCount }));
    } finally {
      await cdp.detach();
    }
  }

  /** Hrefs of the fonts the page asks the browser to preload. */
  async preloadedFonts(): Promise<string[]> {
    return this.page
      .locator('link[rel="preload"][as="font"]')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
  }
}
