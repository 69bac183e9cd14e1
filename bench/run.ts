// `npm run bench`: throughput, memory, build time, serving speed and page
// weight of the site over synthetic content. Not a test: it prints one table
// and writes the figures to bench/results/. `npm run bench -- --help` lists
// the options.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { articlePath } from '@/lib/routes';

import { createProject } from './build/project';
import { BENCH_REVALIDATE_SECRET, runBuild, type BuildResult, type SiteSettings } from './build/run';
import { measureCluster } from './cluster/run';
import { generateContent, type GeneratedContent } from './generate/content';
import { parseOptions, USAGE, type Options } from './options';
import { runPipelines } from './pipeline/run';
import { format, KB, MB, Report } from './report';
import { CONNECTIONS, measureServing, startNext, type Page } from './serve/run';
import { cleanUp, removeOnExit } from './support/children';
import { readBuildInfo } from './weight/chunks';
import { measurePageWeights, VIEWPORT } from './weight/run';

const ALL_PRERENDERED_UP_TO = 10_000;
const CAPPED_FROM = 10_000;
const REFERENCE_SIZE = 10_000;
const DEFAULT_CAP = 2_000;
/** Sizes whose pipeline also runs bare and cold on one thread (about 100 articles/s here: 100,000 would take an hour). */
const SINGLE_THREAD_UP_TO = 10_000;

const log = (line: string) => console.log(line);
const n = (size: number) => size.toLocaleString('en-US');

type Site = SiteSettings & { size: number; build: BuildResult };

class Bench {
  readonly report = new Report();
  readonly #contents = new Map<number, GeneratedContent>();
  readonly #sites = new Map<string, Site>();

  constructor(
    readonly options: Options,
    readonly work: string,
  ) {}

  /** The generated content of `size` articles, written once per run. */
  content(size: number): GeneratedContent {
    const existing = this.#contents.get(size);
    if (existing) return existing;
    const started = performance.now();
    const generated = generateContent(path.join(this.work, `n-${size}`, 'content'), size);
    log(`generated ${n(size)} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    this.#contents.set(size, generated);
    return generated;
  }

  /** The parse cache folder the builds of one size share (DATELINE_CONTENT_CACHE_DIR). */
  buildCache(size: number): string {
    return path.join(this.work, `build-cache-${size}`);
  }

  async pipeline(): Promise<void> {
    const { report } = this;
    for (const size of this.options.sizes) {
      const content = this.content(size);
      const singleThread = size <= SINGLE_THREAD_UP_TO;
      log(`content pipeline, ${n(size)} articles`);
      // The largest archive's cache, filled on every core, is kept for its build, which then starts warm.
      const cacheDir = singleThread ? path.join(this.work, `pipeline-cache-${size}`) : this.buildCache(size);
      const runs = await runPipelines(content.dir, cacheDir, content.articles.length, singleThread, log);
      if (singleThread) fs.rmSync(cacheDir, { recursive: true, force: true });
      report.detail(`pipeline-${size}`, runs);
      const section = `content pipeline, N = ${n(size)}`;
      const rate = (result: { articles: number; seconds: number }) => result.articles / result.seconds;
      const perSecond = (figure: string, value: number, target?: { text: string; met: boolean }) =>
        report.add({ section, figure, value, unit: 'articles/s', shown: `${format.int(value)}/s`, target: target?.text, met: target?.met });
      if (runs.bare && runs.cold) {
        const bare = rate(runs.bare);
        const cold = rate(runs.cold);
        perSecond('bare (gray-matter + unified), 1 thread', bare);
        perSecond('ours, cold cache, 1 thread', cold, { text: '≥ 300/s', met: cold >= 300 });
        report.add({
          section,
          figure: 'ours cold / bare',
          value: cold / bare,
          unit: 'ratio',
          shown: format.percent(cold / bare),
          target: '≥ 90 %',
          met: cold / bare >= 0.9,
        });
      }
      if (runs.coldParallel) {
        perSecond(`ours, cold cache, content check on ${runs.coldParallel.processes} processes`, rate(runs.coldParallel));
      }
      const warm = rate(runs.warm);
      perSecond('ours, warm cache, 1 thread', warm, { text: '≥ 5,000/s', met: warm >= 5_000 });
      if (runs.warm.loadSeconds !== undefined) {
        perSecond('ours, warm, loading only', runs.warm.articles / runs.warm.loadSeconds);
      }
      const parsed = runs.warm.stats?.parsed ?? null;
      report.add({
        section,
        figure: 'warm run: articles re-parsed',
        value: parsed,
        unit: 'articles',
        shown: parsed === null ? 'n/a' : format.int(parsed),
      });
      for (const [name, result] of Object.entries(runs)) {
        if (result.maxRssBytes > 0)
          report.add({
            section,
            figure: `peak RSS, ${name}`,
            value: result.maxRssBytes,
            unit: 'bytes',
            shown: format.mb(result.maxRssBytes),
          });
      }
      // The build's first load is cold and a server's is warm; the index must fit either way.
      const coldHeap = runs.cold?.indexHeapBytes;
      const { indexHeapBytes: warmHeap } = runs.warm;
      const heap = Math.max(coldHeap ?? 0, warmHeap ?? 0) || null;
      const heapTarget = size === 100_000 ? { target: '< 300 MB', met: heap !== null && heap < 300 * MB } : {};
      const heapShown = [coldHeap, warmHeap].map((bytes) => (bytes === undefined ? 'n/a' : format.mb(bytes))).join(' / ');
      report.add({ section, figure: 'heap of the loaded index, cold / warm', value: heap, unit: 'bytes', shown: heapShown, ...heapTarget });
    }
  }

  /** The builds this run makes: every article prerendered up to 10,000, the default cap from 10,000. */
  buildPlan(): Array<{ size: number; prerenderAll: boolean }> {
    return [
      ...this.options.sizes.filter((size) => size <= ALL_PRERENDERED_UP_TO).map((size) => ({ size, prerenderAll: true })),
      ...this.options.sizes.filter((size) => size >= CAPPED_FROM).map((size) => ({ size, prerenderAll: false })),
    ];
  }

  async build(size: number, prerenderAll: boolean): Promise<Site> {
    const key = `${size}-${prerenderAll ? 'all' : 'capped'}`;
    const existing = this.#sites.get(key);
    if (existing) return existing;
    const content = this.content(size);
    const project = createProject(path.join(this.work, `site-${key}`));
    const label = `${n(size)} articles, ${prerenderAll ? 'every article prerendered' : `default cap (${n(DEFAULT_CAP)} most recent)`}`;
    log(`next build, ${label}`);
    const settings: SiteSettings = { project, contentDir: content.dir, prerenderAll, cacheDir: this.buildCache(size) };
    const build = await runBuild(settings, log);
    log(
      `  ${build.wallSeconds.toFixed(1)} s, ${format.int(build.prerenderedRoutes)} prerendered routes ` +
        `(${format.int(build.prerenderedArticles)} articles), peak RSS ${format.mb(build.peakRssBytes)}`,
    );
    const site: Site = { ...settings, size, build };
    this.#sites.set(key, site);
    // The build log stays in the temporary build folder, which the run removes.
    this.report.detail(`build-${key}`, { ...build, log: undefined });
    const section = 'next build';
    const name = `${prerenderAll ? 'all prerendered' : 'capped'}, ${n(size)}`;
    const wallTarget =
      size === REFERENCE_SIZE
        ? prerenderAll
          ? { target: '≤ 150 s', met: build.wallSeconds <= 150 }
          : { target: '≤ 60 s', met: build.wallSeconds <= 60 }
        : {};
    this.report.add({
      section,
      figure: `${name}: wall time`,
      value: build.wallSeconds,
      unit: 's',
      shown: `${format.fixed(build.wallSeconds)} s`,
      ...wallTarget,
    });
    this.report.add({
      section,
      figure: `${name}: ms per prerendered route`,
      value: build.msPerPrerenderedRoute,
      unit: 'ms',
      shown: `${format.fixed(build.msPerPrerenderedRoute)} ms`,
    });
    this.report.add({
      section,
      figure: `${name}: prerendered routes (articles)`,
      value: build.prerenderedRoutes,
      unit: 'routes',
      shown: `${format.int(build.prerenderedRoutes)} (${format.int(build.prerenderedArticles)})`,
    });
    this.report.add({
      section,
      figure: `${name}: peak RSS, process tree`,
      value: build.peakRssBytes,
      unit: 'bytes',
      shown: format.mb(build.peakRssBytes),
    });
    const cache = build.contentCache;
    this.report.add({
      section,
      figure: `${name}: articles parsed / reused from the parse cache`,
      value: cache?.parsed ?? null,
      unit: 'articles',
      shown: cache ? `${format.int(cache.parsed)} / ${format.int(cache.reused)}` : 'n/a',
    });
    return site;
  }

  async builds(): Promise<void> {
    for (const { size, prerenderAll } of this.buildPlan()) await this.build(size, prerenderAll);
    const reference = this.#sites.get(`${REFERENCE_SIZE}-capped`);
    const largest = this.#sites.get('100000-capped');
    if (reference && largest) {
      const ratio = largest.build.wallSeconds / reference.build.wallSeconds;
      this.report.add({
        section: 'next build',
        figure: 'capped 100,000 / capped 10,000',
        value: ratio,
        unit: 'ratio',
        shown: `${ratio.toFixed(2)} ×`,
        target: '≤ 1.3 ×',
        met: ratio <= 1.3,
      });
    }
    await this.rebuild(reference ?? [...this.#sites.values()][0]);
  }

  /** Builds again after one article's body changed, with the first build's .next/cache in place. */
  async rebuild(site: Site | undefined): Promise<void> {
    if (!site) return;
    const content = this.content(site.size);
    const changed = content.articles[Math.min(10, content.articles.length - 1)];
    if (!changed) return;
    const file = path.join(content.dir, 'articles', `${changed.slug}.md`);
    fs.appendFileSync(file, '\nCorrection: an earlier version of this article gave the wrong district.\n');
    log(
      `next build again after changing ${changed.slug}.md (${n(site.size)} articles, ${site.prerenderAll ? 'all prerendered' : 'capped'})`,
    );
    const build = await runBuild(site, log);
    site.build = build;
    log(
      `  ${build.wallSeconds.toFixed(1)} s, content cache: ${build.contentCache ? `${build.contentCache.parsed} parsed, ${build.contentCache.reused} reused` : 'no report'}`,
    );
    this.report.detail('rebuild', { size: site.size, prerenderAll: site.prerenderAll, changed: changed.slug, ...build, log: undefined });
    const section = 'next build';
    const name = `rebuild after 1 change of ${n(site.size)}${site.prerenderAll ? ' (all prerendered)' : ''}`;
    this.report.add({
      section,
      figure: `${name}: wall time`,
      value: build.wallSeconds,
      unit: 's',
      shown: `${format.fixed(build.wallSeconds)} s`,
    });
    const parsed = build.contentCache?.parsed ?? null;
    this.report.add({
      section,
      figure: `${name}: articles re-parsed`,
      value: parsed,
      unit: 'articles',
      shown: parsed === null ? 'n/a' : format.int(parsed),
      target: 'exactly 1',
      met: parsed === 1,
    });
  }

  /** The site for serving and page weight: the capped 10,000 build, or what this run built, or a new build. */
  async servingSite(): Promise<Site> {
    const built = this.#sites.get(`${REFERENCE_SIZE}-capped`) ?? [...this.#sites.values()][0];
    if (built) return built;
    const size = this.options.sizes.includes(REFERENCE_SIZE) ? REFERENCE_SIZE : (this.options.sizes[0] ?? REFERENCE_SIZE);
    return this.build(size, false);
  }

  servedPages(site: Site): { article: Page & { words: number }; home: Page; category: Page } {
    const app = path.join(site.project, '.next', 'server', 'app');
    // The longest prerendered article: the HTML target is for a 900-word article.
    let article: (Page & { words: number }) | undefined;
    for (const generated of this.content(site.size).articles) {
      const htmlFile = path.join(app, 'articles', `${generated.slug}.html`);
      if ((article === undefined || generated.words > article.words) && fs.existsSync(htmlFile)) {
        article = { name: 'article', path: articlePath(generated.slug), htmlFile, words: generated.words };
      }
    }
    if (!article) throw new Error(`no prerendered article page under ${app}`);
    const home = { name: 'home', path: '/', htmlFile: path.join(app, 'index.html') };
    const category = { name: 'category', path: '/category/politics', htmlFile: path.join(app, 'category', 'politics.html') };
    for (const page of [home, category]) {
      if (!fs.existsSync(page.htmlFile)) throw new Error(`${page.path} is not prerendered: ${page.htmlFile} is missing`);
    }
    return { article, home, category };
  }

  /**
   * A new article file, then POST /api/revalidate {"content": true}: the time
   * until the article page, the front page and the RSS feed all show it.
   */
  async publish(site: Site, baseURL: string): Promise<void> {
    const slug = 'bench-breaking-news';
    const title = 'Breaking: the benchmark publishes a new article';
    const template = this.content(site.size).articles[0];
    if (!template) return;
    const source = fs.readFileSync(path.join(site.contentDir, 'articles', `${template.slug}.md`), 'utf8');
    const article = source
      .replace(/^title: .*$/m, `title: "${title}"`)
      .replace(/^date: .*$/m, `date: ${new Date(Date.now() - 60_000).toISOString()}`);
    const file = path.join(site.contentDir, 'articles', `${slug}.md`);
    fs.writeFileSync(file, article);
    log(`publishing one new article to ${n(site.size)} (POST /api/revalidate {"content": true})`);
    const started = performance.now();
    try {
      const response = await fetch(`${baseURL}/api/revalidate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${BENCH_REVALIDATE_SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({ content: true }),
      });
      const answer = (await response.json()) as { parsed?: number; revalidated?: string[]; ms?: number };
      const calledMs = performance.now() - started;
      if (!response.ok) throw new Error(`/api/revalidate answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
      const shows = async (url: string, needle: string) => (await (await fetch(`${baseURL}${url}`)).text()).includes(needle);
      for (;;) {
        const [page, home, feed] = await Promise.all([
          shows(articlePath(slug), title),
          shows('/', `${articlePath(slug)}"`),
          shows('/feed.xml', `${articlePath(slug)}<`),
        ]);
        if (page && home && feed) break;
        if (performance.now() - started > 60_000) throw new Error('the new article was not live after 60 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const liveMs = performance.now() - started;
      log(
        `  call answered in ${Math.round(calledMs)} ms (${answer.parsed ?? '?'} parsed, ${answer.revalidated?.length ?? '?'} pages); live, listed and in the feed after ${Math.round(liveMs)} ms`,
      );
      const section = `publishing without a rebuild (${n(site.size)} articles)`;
      this.report.detail('publish', {
        size: site.size,
        calledMs,
        liveMs,
        parsed: answer.parsed,
        revalidatedPaths: answer.revalidated?.length,
      });
      this.report.add({
        section,
        figure: 'POST /api/revalidate answered',
        value: calledMs,
        unit: 'ms',
        shown: `${format.int(calledMs)} ms`,
      });
      this.report.add({
        section,
        figure: 'article live, on the front page and in the feed',
        value: liveMs / 1000,
        unit: 's',
        shown: `${format.fixed(liveMs / 1000)} s`,
        target: '≤ 5 s',
        met: liveMs <= 5_000,
      });
    } finally {
      fs.rmSync(file, { force: true });
    }
  }

  /** nginx and two app servers on the checkout's build: cache against static, bypass over 1 and 2 servers, freshness. */
  async cluster(): Promise<void> {
    const { duration } = this.options;
    log("cluster: nginx, two app servers, PostgreSQL and Redis on the checkout's production build");
    const result = await measureCluster(this.work, duration, (line) => log(line));
    const section = `cluster through nginx, ${CONNECTIONS} connections, ${duration} s`;
    if (typeof result === 'string') {
      log(`cluster: skipped, ${result}`);
      this.report.add({ section, figure: 'skipped', value: null, unit: '', shown: result });
      return;
    }
    this.report.detail('cluster', result);
    const add = (figure: string, value: number, unit: string, shown: string, target?: string, met?: boolean) =>
      this.report.add({ section, figure, value, unit, shown, target, met });
    for (const page of result.pages) {
      add(`${page.name}: nginx cache`, page.cached.requestsPerSecond, 'req/s', `${format.int(page.cached.requestsPerSecond)} req/s`);
      add(`${page.name}: nginx cache p99`, page.cached.p99Ms, 'ms', `${page.cached.p99Ms} ms`, '< 20 ms', page.cached.p99Ms < 20);
      add(`${page.name}: nginx static`, page.static.requestsPerSecond, 'req/s', `${format.int(page.static.requestsPerSecond)} req/s`);
      add(
        `${page.name}: cache / static`,
        page.cachedToStatic,
        'ratio',
        format.percent(page.cachedToStatic),
        '≥ 50 %',
        page.cachedToStatic >= 0.5,
      );
      const failures = page.cached.errors + page.cached.non2xx + page.static.errors + page.static.non2xx;
      if (failures > 0) add(`${page.name}: errors and non-2xx answers`, failures, 'requests', format.int(failures));
    }
    const { oneServer, twoServers } = result.bypass;
    add(
      'article, cache bypassed: 1 app server',
      oneServer.requestsPerSecond,
      'req/s',
      `${format.int(oneServer.requestsPerSecond)} req/s, p99 ${oneServer.p99Ms} ms`,
    );
    add(
      'article, cache bypassed: 2 app servers',
      twoServers.requestsPerSecond,
      'req/s',
      `${format.int(twoServers.requestsPerSecond)} req/s, p99 ${twoServers.p99Ms} ms`,
    );
    add(
      '2 servers / 1 server',
      twoServers.requestsPerSecond / oneServer.requestsPerSecond,
      'ratio',
      format.percent(twoServers.requestsPerSecond / oneServer.requestsPerSecond),
    );
    const { approvalSeconds, publicationSeconds } = result.freshness;
    add('freshness: approval to nginx', approvalSeconds, 's', `${format.fixed(approvalSeconds)} s`, '≤ 10 s', approvalSeconds <= 10);
    add(
      'freshness: publication to nginx',
      publicationSeconds,
      's',
      `${format.fixed(publicationSeconds)} s`,
      '≤ 10 s',
      publicationSeconds <= 10,
    );
  }

  async serveAndWeigh(): Promise<void> {
    const { parts, duration } = this.options;
    const site = await this.servingSite();
    const pages = this.servedPages(site);
    const buildName = `${n(site.size)} articles, ${site.prerenderAll ? 'all prerendered' : 'capped'}`;
    log(`next start (${buildName}); article page ${pages.article.path} (${pages.article.words} words)`);
    const server = await startNext(site);
    try {
      if (parts.has('serve')) {
        const loads = await measureServing(server, [pages.article, pages.home, pages.category], this.work, duration, (line) => log(line));
        this.report.detail('serve', { build: buildName, connections: CONNECTIONS, durationSeconds: duration, pages: loads });
        const section = `serving (${buildName}), ${CONNECTIONS} connections, ${duration} s`;
        for (const load of loads) {
          const isArticle = load.name === 'article';
          const add = (figure: string, value: number, unit: string, shown: string, target?: string, met?: boolean) =>
            this.report.add({ section, figure: `${load.name}: ${figure}`, value, unit, shown, target, met });
          add('next start', load.next.requestsPerSecond, 'req/s', `${format.int(load.next.requestsPerSecond)} req/s`);
          add('next start p50', load.next.p50Ms, 'ms', `${load.next.p50Ms} ms`);
          add(
            'next start p99',
            load.next.p99Ms,
            'ms',
            `${load.next.p99Ms} ms`,
            isArticle ? '< 100 ms' : undefined,
            isArticle ? load.next.p99Ms < 100 : undefined,
          );
          add('static server', load.static.requestsPerSecond, 'req/s', `${format.int(load.static.requestsPerSecond)} req/s`);
          add('static server p99', load.static.p99Ms, 'ms', `${load.static.p99Ms} ms`);
          add(
            'next / static',
            load.nextToStatic,
            'ratio',
            format.percent(load.nextToStatic),
            isArticle ? '≥ 15 %' : undefined,
            isArticle ? load.nextToStatic >= 0.15 : undefined,
          );
          const failures = load.next.errors + load.next.non2xx + load.static.errors + load.static.non2xx;
          if (failures > 0) add('errors and non-2xx answers', failures, 'requests', format.int(failures));
        }
      }
      if (parts.has('serve')) await this.publish(site, server.baseURL);
      if (parts.has('weight')) {
        log('page weight and layout shift in Chromium');
        const info = readBuildInfo(path.join(site.project, '.next'));
        const weights = await measurePageWeights(server.baseURL, [pages.home, pages.article], info);
        this.report.detail('weight', { build: buildName, viewport: VIEWPORT, gzipLevel: 9, pages: weights });
        const section = `page weight (gzip -9, ${VIEWPORT.width}×${VIEWPORT.height})`;
        for (const weight of weights) {
          const isArticle = weight.name === 'article';
          const label = isArticle ? `article (${pages.article.words} words)` : weight.name;
          const add = (figure: string, value: number, unit: string, shown: string, target?: string, met?: boolean) =>
            this.report.add({ section, figure: `${label}: ${figure}`, value, unit, shown, target, met });
          const prefetches = weight.requestsByType.fetch ?? 0;
          add('requests (of which prefetches)', weight.requests, 'requests', `${format.int(weight.requests)} (${format.int(prefetches)})`);
          add(
            'HTML',
            weight.htmlGzipBytes,
            'bytes',
            format.kb(weight.htmlGzipBytes),
            isArticle ? '≤ 30 kB' : undefined,
            isArticle ? weight.htmlGzipBytes <= 30 * KB : undefined,
          );
          add('JS, framework runtime', weight.js.frameworkGzipBytes, 'bytes', format.kb(weight.js.frameworkGzipBytes));
          add(
            'JS, own client code',
            weight.js.ownGzipBytes,
            'bytes',
            format.kb(weight.js.ownGzipBytes),
            isArticle ? '≤ 10 kB' : undefined,
            isArticle ? weight.js.ownGzipBytes <= 10 * KB : undefined,
          );
          add('cumulative layout shift', weight.layoutShift, 'score', weight.layoutShift.toFixed(4), '0', weight.layoutShift === 0);
          log(`  ${label}: ${weight.requests} requests, own client code from ${weight.js.ownComponents.join(', ') || 'no component'}`);
        }
      }
    } finally {
      await server.stop();
    }
  }
}

async function main(): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (options === 'help') {
    log(USAGE);
    return 0;
  }
  const startedAt = new Date();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
  if (options.keep) log(`bench: temporary files in ${work} (kept)`);
  else removeOnExit(work);
  const bench = new Bench(options, work);
  const { parts } = options;
  log(`bench: ${[...parts].join(', ')} for ${options.sizes.map(n).join(', ')} articles`);
  if (parts.has('pipeline')) await bench.pipeline();
  if (parts.has('build')) await bench.builds();
  if (parts.has('serve') || parts.has('weight')) await bench.serveAndWeigh();
  if (parts.has('cluster')) await bench.cluster();

  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  log(
    `\nDateline benchmark, ${startedAt.toISOString()}, ${os.cpus().length} cores, Node ${process.version}, ${format.fixed(seconds / 60)} min`,
  );
  log('(MB = 1,000,000 bytes, kB = 1,000 bytes)\n');
  log(bench.report.table());
  const file = bench.report.write(startedAt, { parts: [...parts], sizes: options.sizes, durationSeconds: options.duration });
  log(`\nwritten to ${path.relative(process.cwd(), file)} and bench/results/latest.json`);
  return 0;
}

main().then(
  (code) => {
    cleanUp();
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    cleanUp();
    process.exitCode = 1;
  },
);
