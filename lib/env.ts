import 'server-only';

function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

// The only module that reads process.env. Extended as features need settings.
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
  builtAt: Number(process.env.DATELINE_BUILT_AT) || undefined,
  /** What the build read (a fingerprint of the content), kept with the build for the server to compare. */
  buildContentFile: nonBlank(process.env.DATELINE_BUILD_CONTENT_FILE) ?? '.next/content-fingerprint.txt',
  /** Parsed articles kept between builds and server starts (lib/content/parse-cache.ts). */
  contentCacheDir: nonBlank(process.env.DATELINE_CONTENT_CACHE_DIR) ?? '.next/cache/content',
  /** PostgreSQL connection string; when set, comments are stored there instead of SQLite. */
  databaseUrl: nonBlank(process.env.DATABASE_URL),
  /** SQLite file of the comment store, relative to the working directory. */
  commentsSqlitePath: nonBlank(process.env.COMMENTS_SQLITE_PATH) ?? 'data/comments.sqlite',
  /** Signs comment form tokens and keys the IP hashes; generated and kept in data/ when unset, required when servers share PostgreSQL. */
  commentSecret: nonBlank(process.env.COMMENT_SECRET),
  /** Where a generated secret is kept when COMMENT_SECRET is unset and comments are in SQLite. */
  commentSecretFile: nonBlank(process.env.COMMENT_SECRET_FILE) ?? 'data/comment-secret',
  /** Opens /moderation; when unset the page is closed. */
  moderatorPassword: nonBlank(process.env.MODERATOR_PASSWORD),
  /** Bearer token of POST /api/revalidate, which the comments CLI calls after a change; unset closes it. */
  revalidateSecret: nonBlank(process.env.REVALIDATE_SECRET),
  /**
   * Site settings, validated by lib/settings.ts; an unset one takes its default
   * there. Prerendered pages keep the values of the build, so set them for it.
   */
  siteSettings: {
    SITE_URL: process.env.SITE_URL,
    SITE_NAME: process.env.SITE_NAME,
    SITE_DESCRIPTION: process.env.SITE_DESCRIPTION,
    SITE_LANG: process.env.SITE_LANG,
    PUBLISHER_NAME: process.env.PUBLISHER_NAME,
    PUBLISHER_LOGO: process.env.PUBLISHER_LOGO,
    PRERENDER_RECENT: process.env.PRERENDER_RECENT,
  },
} as const;

/**
 * Where this server answers, for the requests it makes to itself. Next.js
 * sets PORT once it listens, so it is read at the time of the call.
 */
export function serverOrigin(): string | undefined {
  const port = nonBlank(process.env.PORT);
  return port && /^\d+$/.test(port) ? `http://127.0.0.1:${port}` : undefined;
}
