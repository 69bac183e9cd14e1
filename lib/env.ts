import 'server-only';

import { distDirFrom } from '@/lib/setting-names';

function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

const distDir = distDirFrom(process.env);

// The only module that reads process.env. Every variable an operator sets is
// validated by lib/settings.ts (its schema names them all); the ones named
// DATELINE_INTERNAL_* are set by the build or the tests, never by hand.
export const env = {
  isProduction: process.env.NODE_ENV === 'production',
  /** True while `next build` prerenders pages; there is no server to call then. */
  isBuilding: process.env.NEXT_PHASE === 'phase-production-build',
  contentDir: process.env.DATELINE_CONTENT_DIR ?? 'content',
  /**
   * When the build began (ms since the epoch), set by next.config.ts: the
   * prerendered pages show the content as of then, which a running server
   * compares with when it publishes scheduled articles.
   */
  builtAt: Number(process.env.DATELINE_INTERNAL_BUILT_AT) || undefined,
  /** The page settings the build ran with (JSON, inlined by next.config.ts); undefined outside a build's server. */
  builtSiteSettings: process.env.DATELINE_INTERNAL_BUILT_SITE_SETTINGS || undefined,
  /** The build's folder (next.config.ts `distDir`); `npm test` builds into its own so a user's build is left alone. */
  distDir,
  /** What the build read (a fingerprint of the content), kept with the build for the server to compare. */
  buildContentFile: nonBlank(process.env.DATELINE_INTERNAL_CONTENT_FINGERPRINT_FILE) ?? `${distDir}/content-fingerprint.txt`,
  /** Parsed articles kept between builds and server starts (lib/content/parse-cache.ts). */
  contentCacheDir: nonBlank(process.env.DATELINE_CONTENT_CACHE_DIR) ?? `${distDir}/cache/content`,
  /** The full-text index of published articles (lib/search), rebuilt from the content whenever it is missing. */
  searchIndexFile: `${distDir}/cache/search/articles.sqlite`,
  /** PostgreSQL connection string; when set, comments are stored there instead of SQLite. */
  databaseUrl: nonBlank(process.env.DATABASE_URL),
  /** Redis, when set: one page cache for every app server, publications reach all of them, one publication clock. */
  redisUrl: nonBlank(process.env.REDIS_URL),
  /** SQLite file of the comment store, relative to the working directory. */
  commentsSqlitePath: nonBlank(process.env.COMMENTS_SQLITE_PATH) ?? 'data/comments.sqlite',
  /** Signs comment form tokens and keys the IP hashes; generated and kept in data/ when unset, required when servers share PostgreSQL. */
  commentSecret: nonBlank(process.env.COMMENT_SECRET),
  /** Where a generated secret is kept when COMMENT_SECRET is unset and comments are in SQLite. */
  commentSecretFile: nonBlank(process.env.COMMENT_SECRET_FILE) ?? 'data/comment-secret',
  /** Opens /moderation; when unset the page is closed. */
  moderatorPassword: nonBlank(process.env.MODERATOR_PASSWORD),
  /** Other hosts (https) whose pictures an article body may show; unset: only the site's own. */
  imageHosts: nonBlank(process.env.IMAGE_HOSTS),
  /** Proxies (addresses, CIDR ranges) whose X-Forwarded-For is believed; unset: the connection's own address is the reader's. */
  trustedProxies: nonBlank(process.env.TRUSTED_PROXIES),
  /** Bearer token of POST /api/revalidate, which the comments CLI calls after a change; unset closes it. */
  revalidateSecret: nonBlank(process.env.REVALIDATE_SECRET),
  /** Signs preview links to drafts and scheduled articles (`content:preview`); unset: previews are off. */
  previewSecret: nonBlank(process.env.PREVIEW_SECRET),
  /**
   * Every operator setting as the environment has it, validated by
   * lib/settings.ts; an unset one takes its default. Prerendered pages keep
   * the site settings of the build, so set those for it.
   */
  settings: {
    SITE_URL: process.env.SITE_URL,
    SITE_NAME: process.env.SITE_NAME,
    SITE_DESCRIPTION: process.env.SITE_DESCRIPTION,
    SITE_LANG: process.env.SITE_LANG,
    PUBLISHER_NAME: process.env.PUBLISHER_NAME,
    PUBLISHER_LOGO: process.env.PUBLISHER_LOGO,
    PRERENDER_RECENT: process.env.PRERENDER_RECENT,
    IMAGE_HOSTS: process.env.IMAGE_HOSTS,
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    COMMENTS_SQLITE_PATH: process.env.COMMENTS_SQLITE_PATH,
    COMMENT_SECRET: process.env.COMMENT_SECRET,
    COMMENT_SECRET_FILE: process.env.COMMENT_SECRET_FILE,
    MODERATOR_PASSWORD: process.env.MODERATOR_PASSWORD,
    REVALIDATE_SECRET: process.env.REVALIDATE_SECRET,
    PREVIEW_SECRET: process.env.PREVIEW_SECRET,
    TRUSTED_PROXIES: process.env.TRUSTED_PROXIES,
    DATELINE_CONTENT_DIR: process.env.DATELINE_CONTENT_DIR,
    DATELINE_CONTENT_CACHE_DIR: process.env.DATELINE_CONTENT_CACHE_DIR,
    DATELINE_DIST_DIR: process.env.DATELINE_DIST_DIR,
  },
} as const;

/** The names of every variable in the environment, for the misspelling check of lib/settings.ts. */
export function environmentNames(): string[] {
  return Object.keys(process.env);
}

/**
 * Where this server answers, for the requests it makes to itself. Next.js
 * sets PORT once it listens, so it is read at the time of the call.
 */
export function serverOrigin(): string | undefined {
  const port = nonBlank(process.env.PORT);
  return port && /^\d+$/.test(port) ? `http://127.0.0.1:${port}` : undefined;
}
