// What the crawler-facing tests read: sitemaps, listings, JSON-LD, the content
// folder (as the expected truth), PNG headers, and the Nu HTML Checker.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import type { APIRequestContext } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';

/** The sample article renamed with `redirectFrom`, and its old slug. */
export const MOVED_ARTICLE = 'how-transit-trade-crosses-the-border';
export const OLD_SLUG = 'afghan-transit-trade-explained';
/** The sample listed in content/removed.yml. */
export const REMOVED_SLUG = 'torkham-crossing-hours-extended';
/** Samples without a picture of their own (so they get a generated one), one right to left. */
export const PLAIN_ARTICLE = 'understanding-the-durand-line';
export const RTL_ARTICLE = 'hijri-shamsi-calendar-explained';
export const ARCHIVE = '/category/region';

const CONTENT = path.resolve('content');

/** Slugs of the articles a reader can open now: not drafts, not scheduled. */
export function publishedSlugsFromContent(now = new Date()): string[] {
  const slugs: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.md')) {
        const frontMatter = fs.readFileSync(file, 'utf8').split(/^---\s*$/m)[1] ?? '';
        const data = parseYaml(frontMatter) as { date?: string; draft?: boolean };
        if (data.draft !== true && Date.parse(String(data.date)) <= now.getTime()) slugs.push(entry.name.slice(0, -3));
      }
    }
  };
  walk(path.join(CONTENT, 'articles'));
  return slugs.sort();
}

export function removedSlugsFromContent(): string[] {
  const file = path.join(CONTENT, 'removed.yml');
  if (!fs.existsSync(file)) return [];
  return ((parseYaml(fs.readFileSync(file, 'utf8')) ?? []) as { slug: string }[]).map((entry) => entry.slug);
}

/** Site-relative form of an absolute URL, to request it from the test server whatever SITE_URL the build had. */
export function sitePath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

export function parseXml(xml: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} at line ${valid.err.line}`);
  return new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) }).parse(xml) as Record<
    string,
    unknown
  >;
}

/** The `<loc>` of every URL in a sitemap, following an index into its parts. */
export async function sitemapUrls(request: APIRequestContext, sitemapPath = '/sitemap.xml'): Promise<string[]> {
  const response = await request.get(sitemapPath);
  if (response.status() !== 200) throw new Error(`${sitemapPath} answered ${response.status()}`);
  const doc = parseXml(await response.text());
  const index = doc.sitemapindex as { sitemap: { loc: string }[] } | undefined;
  if (index) {
    const parts = await Promise.all(index.sitemap.map((part) => sitemapUrls(request, sitePath(part.loc))));
    return parts.flat();
  }
  const urlset = doc.urlset as { url?: { loc: string }[] };
  return (urlset.url ?? []).map((url) => url.loc);
}

/** Article slugs linked from every page of a listing (`/`, `/category/x`), walking its pagination. */
export async function listedArticleSlugs(request: APIRequestContext, basePath: string): Promise<string[]> {
  const slugs = new Set<string>();
  for (let page = 1; page < 1000; page += 1) {
    const url = page === 1 ? basePath : `${basePath === '/' ? '' : basePath}/page/${page}`;
    const response = await request.get(url);
    if (response.status() === 404 && page > 1) break;
    if (response.status() !== 200) throw new Error(`${url} answered ${response.status()}`);
    const main = /<main[\s\S]*?<\/main>/.exec(await response.text())?.[0] ?? '';
    for (const match of main.matchAll(/<article[\s\S]*?<\/article>/g)) {
      const link = /href="\/articles\/([a-z0-9-]+)"/.exec(match[0]);
      if (link?.[1]) slugs.add(link[1]);
    }
  }
  return [...slugs].sort();
}

type JsonLdNode = { '@type'?: string; [key: string]: unknown };

/** Every JSON-LD object on a page, top-level arrays flattened. */
export function jsonLdNodes(html: string): JsonLdNode[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  return blocks.flatMap((block) => {
    const value = JSON.parse(block[1] ?? 'null') as JsonLdNode | JsonLdNode[];
    return Array.isArray(value) ? value : [value];
  });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG file');
  if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export type VnuMessage = { type: string; subType?: string; message: string; lastLine?: number; extract?: string };

/** Runs the Nu HTML Checker (npm `vnu-jar`, on the machine's Java) over one document. */
export function checkHtml(html: string, name: string): VnuMessage[] {
  // The package exports the jar's path as a String object.
  const vnuJar = String(createRequire(path.resolve('package.json'))('vnu-jar'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-vnu-'));
  const file = path.join(dir, `${name}.html`);
  fs.writeFileSync(file, html);
  try {
    const result = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--stdout', file], { encoding: 'utf8' });
    if (result.error) throw new Error(`cannot run java for the Nu HTML Checker: ${result.error.message}`);
    return (JSON.parse(result.stdout) as { messages: VnuMessage[] }).messages;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
