// The names of the operator's variables, in a module with no imports: the
// settings schema (lib/settings.ts), next.config.ts, the cluster and test
// servers and the benchmark all read them from here.

/** Settings the pages are built with: a server must be started with the build's values. */
export const SITE_SETTING_NAMES = [
  'SITE_URL',
  'SITE_NAME',
  'SITE_DESCRIPTION',
  'SITE_LANG',
  'PUBLISHER_NAME',
  'PUBLISHER_LOGO',
  'PRERENDER_RECENT',
  'IMAGE_HOSTS',
] as const;

/** Settings of one server: its stores, secrets and folders. */
export const SERVER_SETTING_NAMES = [
  'DATABASE_URL',
  'REDIS_URL',
  'COMMENTS_SQLITE_PATH',
  'COMMENT_SECRET',
  'COMMENT_SECRET_FILE',
  'MODERATOR_PASSWORD',
  'REVALIDATE_SECRET',
  'PREVIEW_SECRET',
  'TRUSTED_PROXIES',
  'DATELINE_CONTENT_DIR',
  'DATELINE_CONTENT_CACHE_DIR',
  'DATELINE_DIST_DIR',
] as const;

export const SETTING_NAMES = [...SITE_SETTING_NAMES, ...SERVER_SETTING_NAMES] as const;

/**
 * Variables the build and the tests set for the code, never an operator:
 * `DATELINE_INTERNAL_BUILT_AT` (when the build began, inlined by
 * next.config.ts), `DATELINE_INTERNAL_BUILT_SITE_SETTINGS` (the site settings
 * the pages were built with, inlined the same way), `DATELINE_INTERNAL_SKIP_CONTENT_CHECK` (the build's workers
 * skip the check the build already ran) and
 * `DATELINE_INTERNAL_CONTENT_FINGERPRINT_FILE` (where the build records what
 * it read; the unit tests point it at a scratch file).
 */
export const INTERNAL_PREFIX = 'DATELINE_INTERNAL_';

/** Site settings the server uses as the build did: a different value at start is warned about. */
export const PAGE_SETTING_NAMES = SITE_SETTING_NAMES.filter((name) => name !== 'PRERENDER_RECENT');

/** The page settings of this environment, as JSON, for next.config.ts to inline into the build. */
export function builtSiteSettings(environment: NodeJS.ProcessEnv = process.env): string {
  return JSON.stringify(Object.fromEntries(PAGE_SETTING_NAMES.map((name) => [name, environment[name]?.trim() ?? ''])));
}

/** The build's folder, next.config.ts's `distDir`: `npm test` builds into `.next-test` so a user's `.next` is left alone. */
export function distDirFrom(environment: NodeJS.ProcessEnv = process.env): string {
  return environment.DATELINE_DIST_DIR?.trim() || '.next';
}
