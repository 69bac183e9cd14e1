import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';

import { removedArticleRewrites } from './lib/content/removed-routes';
import { HTTPS_ONLY_HEADERS, securityHeaders } from './lib/http/security-headers';
import { imageHostsFrom } from './lib/image-hosts';
import { builtSiteSettings, distDirFrom } from './lib/setting-names';

// lib/ modules import `server-only`, which loads only under the react-server
// condition; tsx runs a script of scripts/ under it, with the app's path aliases.
function runScript(script: string, capture: boolean): { status: number | null; stdout: string } {
  const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const result = spawnSync(process.execPath, [tsx, '--conditions=react-server', path.join('scripts', script)], {
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout ?? '' };
}

// A production build starts with the content check, so editors see the same
// `path:line: field: message` report as `npm run content:check` and the build
// stops before any page is rendered, without a stack trace. It also fills the
// parse cache the build workers then read, and says how much it reused.
// Prerendered pages keep the site settings of the build (SITE_URL in every
// canonical URL), so bad settings stop it too, with the message the server
// prints at start.
function runCheckOrExit(script: 'content-check.ts' | 'settings-check.ts'): void {
  if (runScript(script, false).status !== 0) process.exit(1);
}

// The slugs of removed.yml, read by the content loader itself.
function removedSlugs(): string[] {
  const { status, stdout } = runScript('removed-slugs.ts', true);
  if (status !== 0) {
    console.warn('removed.yml could not be read: the addresses of removed articles are not rewritten to 410 Gone.');
    return [];
  }
  return JSON.parse(stdout) as string[];
}

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD) {
    runCheckOrExit('settings-check.ts');
  }
  if (phase === PHASE_PRODUCTION_BUILD && process.env.DATELINE_INTERNAL_SKIP_CONTENT_CHECK !== '1') {
    runCheckOrExit('content-check.ts');
    // Next.js loads this file again in its build workers, which inherit the
    // environment: the content is checked once per build.
    process.env.DATELINE_INTERNAL_SKIP_CONTENT_CHECK = '1';
  }
  return {
    // `npm test` builds into its own folder (DATELINE_DIST_DIR=.next-test), so
    // the build `npm start` serves is left alone.
    distDir: distDirFrom(process.env),
    // With REDIS_URL, every app server shares one page cache in Redis (see the
    // handler's header); without it, Next.js keeps its own in the build folder.
    // Neither keeps a "not found" answer (lib/cache/answers.mjs). The build
    // itself always writes to the build folder.
    ...(phase === PHASE_PRODUCTION_BUILD
      ? {}
      : process.env.REDIS_URL?.trim()
        ? { cacheHandler: path.resolve('lib/cache/redis-cache-handler.mjs'), cacheMaxMemorySize: 0 }
        : { cacheHandler: path.resolve('lib/cache/page-cache-handler.mjs') }),
    // Inlined into the server code at build: see env.builtAt and env.builtSiteSettings in lib/env.ts.
    env: { DATELINE_INTERNAL_BUILT_AT: String(Date.now()), DATELINE_INTERNAL_BUILT_SITE_SETTINGS: builtSiteSettings(process.env) },
    // A removed article's address answers 410 Gone from its own route; the
    // list is read at build (see proxy.ts for why not on every request).
    async rewrites() {
      const removed = removedArticleRewrites(removedSlugs());
      return { beforeFiles: removed, afterFiles: [], fallback: [] };
    },
    // On every answer: see lib/http/security-headers.ts. IMAGE_HOSTS is the
    // build's, like every site setting (a server must start with the build's).
    async headers() {
      return [
        { source: '/:path*', headers: [...securityHeaders(imageHostsFrom(process.env.IMAGE_HOSTS))] },
        { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: [...HTTPS_ONLY_HEADERS] },
        // A preview is for the editor only, whatever a crawler that got hold of a link does.
        { source: '/preview/:path*', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
        // Results pages are endless and change with every publication: crawlers follow them to articles, never index them.
        { source: '/search', headers: [{ key: 'X-Robots-Tag', value: 'noindex, follow' }] },
      ];
    },
    poweredByHeader: false,
    reactStrictMode: true,
    serverExternalPackages: ['better-sqlite3', 'pg', '@redis/client'],
    experimental: {
      // Every core renders pages: the main process waits meanwhile (the default leaves one core idle).
      cpus: Math.max(1, os.availableParallelism()),
      serverActions: {
        // Room for the longest valid comment (65,525 code points of up to 4
        // bytes) twice: without JavaScript, React posts the previous form
        // state, which holds the text a reader is correcting, along with the
        // form. Larger bodies are refused before they are parsed; proxy.ts
        // answers them with a readable 413 page.
        bodySizeLimit: '1mb',
      },
      // Next copies request bodies for proxy.ts, up to this size (default
      // 10 MB); proxy.ts refuses anything past bodySizeLimit, so no more is needed.
      proxyClientMaxBodySize: '1mb',
      // Every script file the pages load carries its hash (`integrity`): a
      // file altered between the server and the reader does not run.
      sri: { algorithm: 'sha256' },
    },
  };
}
