import 'server-only';

import { z } from 'zod';

import { trustedProxyEntries, trustedProxyProblem } from '@/lib/client-address';
import { env, environmentNames } from '@/lib/env';
import { imageHostEntries, imageHostProblem } from '@/lib/image-hosts';
import { INTERNAL_PREFIX, PAGE_SETTING_NAMES, SETTING_NAMES } from '@/lib/setting-names';
import { site } from '@/lib/site';

/** Site settings that differ between deployments. Every absolute URL is built from `siteUrl`. */
export type Settings = {
  /** Canonical origin, e.g. `https://news.example.com`: no path, no trailing slash. */
  siteUrl: string;
  siteName: string;
  siteDescription: string;
  /** Canonical BCP 47 tag of the site's default language. */
  siteLang: string;
  publisherName: string;
  /** Absolute URL of the publisher's logo. */
  publisherLogo: string;
  /**
   * How many of the newest articles the build prerenders (Infinity: all). Older
   * ones, and the archive pages that list only older ones, render on first
   * request and are cached from then on, so a large archive does not lengthen the build.
   */
  prerenderRecent: number;
};

export { INTERNAL_PREFIX, SETTING_NAMES } from '@/lib/setting-names';

export type SettingName = (typeof SETTING_NAMES)[number];
export type SettingsSource = Partial<Record<SettingName, string | undefined>>;

export const DEFAULT_SITE_URL = 'http://localhost:3000';
/** A file under `public/`; the deployment must ship it. */
export const DEFAULT_PUBLISHER_LOGO = '/logo.png';
export const DEFAULT_PRERENDER_RECENT = 2_000;

/** The settings variables as the environment has them (read by lib/env.ts). */
export function readSettingsEnv(): SettingsSource {
  return { ...env.settings };
}

export class SettingsError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid settings in the environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

const HTTP_URL_EXAMPLE = 'https://news.example.com';

/** An unset or blank variable takes its default. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }, schema.optional());
}

function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const siteUrlSchema = z.string().transform((value, ctx) => {
  const url = parseHttpUrl(value);
  const problem = !url
    ? `${JSON.stringify(value)} is not an absolute http(s) URL`
    : url.username || url.password
      ? `${JSON.stringify(value)} must not contain a user name or password`
      : url.pathname !== '/' || url.search || url.hash
        ? `${JSON.stringify(value)} must be an origin only, without a path, query or fragment`
        : null;
  if (problem || !url) {
    const message = `${problem}; set it to the site's public address, e.g. SITE_URL=${HTTP_URL_EXAMPLE}`;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return url.origin;
});

const textSchema = (name: SettingName, limit: number) =>
  z.string().max(limit, `must be at most ${limit} characters, e.g. ${name}="${site.name}"`);

const languageSchema = z.string().transform((value, ctx) => {
  const tag = canonicalLanguage(value);
  if (!tag) {
    const message = `${JSON.stringify(value)} is not a BCP 47 language tag; write it like SITE_LANG=en or SITE_LANG=fa-AF`;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return tag;
});

const isSitePath = (value: string) => value.startsWith('/') && !value.startsWith('//');

const logoSchema = z.string().refine((value) => isSitePath(value) || parseHttpUrl(value) !== null, {
  message:
    'must be a path of a file under public/ starting with "/" (e.g. PUBLISHER_LOGO=/logo.png) ' +
    `or an absolute http(s) URL (e.g. PUBLISHER_LOGO=${HTTP_URL_EXAMPLE}/logo.png)`,
});

const prerenderSchema = z.string().transform((value, ctx) => {
  if (value.toLowerCase() === 'all') return Number.POSITIVE_INFINITY;
  if (/^\d{1,9}$/.test(value)) return Number(value);
  const message = `${JSON.stringify(value)} is not a number of articles; write e.g. PRERENDER_RECENT=${DEFAULT_PRERENDER_RECENT}, or PRERENDER_RECENT=all to prerender every article`;
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
});

/** A URL with one of `protocols` (e.g. `redis:`). */
const urlSchema = (protocols: readonly string[], message: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message },
  );

const postgresUrlSchema = urlSchema(
  ['postgres:', 'postgresql:'],
  'must be a PostgreSQL connection URL, e.g. DATABASE_URL=postgres://dateline:password@db.internal:5432/dateline',
);

const redisUrlSchema = urlSchema(['redis:', 'rediss:'], 'must be a Redis URL, e.g. REDIS_URL=redis://cache.internal:6379/0');

const trustedProxiesSchema = z.string().superRefine((value, ctx) => {
  for (const entry of trustedProxyEntries(value)) {
    const problem = trustedProxyProblem(entry);
    if (problem)
      ctx.addIssue({ code: 'custom', message: `${problem}; write e.g. TRUSTED_PROXIES=127.0.0.1 or TRUSTED_PROXIES=10.0.0.0/24,10.0.1.5` });
  }
});

const imageHostsSchema = z.string().superRefine((value, ctx) => {
  for (const entry of imageHostEntries(value)) {
    const problem = imageHostProblem(entry);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; write e.g. IMAGE_HOSTS=images.example.com,photos.example.org` });
  }
});

const secretSchema = (minimum: number, example: string) =>
  z.string().refine((value) => [...value].length >= minimum, {
    message: `is too short; use a random string of at least ${minimum} characters, e.g. the output of \`${example}\``,
  });

const pathSchema = (name: SettingName, example: string) =>
  z.string().refine((value) => !value.includes('\0'), { message: `must be a file path, e.g. ${name}=${example}` });

export const settingsSchema = z.object({
  SITE_URL: optional(siteUrlSchema),
  SITE_NAME: optional(textSchema('SITE_NAME', 100)),
  SITE_DESCRIPTION: optional(textSchema('SITE_DESCRIPTION', 500)),
  SITE_LANG: optional(languageSchema),
  PUBLISHER_NAME: optional(textSchema('PUBLISHER_NAME', 100)),
  PUBLISHER_LOGO: optional(logoSchema),
  PRERENDER_RECENT: optional(prerenderSchema),
  IMAGE_HOSTS: optional(imageHostsSchema),
  DATABASE_URL: optional(postgresUrlSchema),
  REDIS_URL: optional(redisUrlSchema),
  COMMENTS_SQLITE_PATH: optional(pathSchema('COMMENTS_SQLITE_PATH', 'data/comments.sqlite')),
  // lib/comments/secret.ts explains the same minimum when the secret is used.
  COMMENT_SECRET: optional(secretSchema(32, 'openssl rand -base64 32')),
  COMMENT_SECRET_FILE: optional(pathSchema('COMMENT_SECRET_FILE', 'data/comment-secret')),
  MODERATOR_PASSWORD: optional(z.string()),
  REVALIDATE_SECRET: optional(z.string()),
  // lib/preview.ts explains the same minimum when a link is signed.
  PREVIEW_SECRET: optional(secretSchema(32, 'openssl rand -base64 32')),
  TRUSTED_PROXIES: optional(trustedProxiesSchema),
  DATELINE_CONTENT_DIR: optional(pathSchema('DATELINE_CONTENT_DIR', 'content')),
  DATELINE_CONTENT_CACHE_DIR: optional(pathSchema('DATELINE_CONTENT_CACHE_DIR', '.next/cache/content')),
  DATELINE_DIST_DIR: optional(
    pathSchema('DATELINE_DIST_DIR', '.next').refine((value) => !value.startsWith('/') && !value.split('/').includes('..'), {
      message: 'must be a folder inside the project, e.g. DATELINE_DIST_DIR=.next',
    }),
  ),
});

/** Edit distance of two short names (for the misspelling warning). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Warnings for variables that look like a setting but are not one: any
 * `DATELINE_*` name the code does not read (it would be ignored silently),
 * and a name one or two letters away from a setting's (`SITE_ULR`). Each
 * names the closest setting.
 */
export function unknownSettingWarnings(names: readonly string[]): string[] {
  const known = new Set<string>(SETTING_NAMES);
  const warnings: string[] = [];
  for (const name of names) {
    if (known.has(name) || name.startsWith(INTERNAL_PREFIX)) continue;
    const closest = SETTING_NAMES.map((setting) => ({ setting, away: distance(name, setting) })).sort((a, b) => a.away - b.away)[0];
    const suggestion = closest && closest.away <= Math.max(2, Math.floor(name.length / 4)) ? closest.setting : undefined;
    if (name.startsWith('DATELINE_')) {
      warnings.push(
        `${name} is not a Dateline setting and is ignored${suggestion ? `; did you mean ${suggestion}?` : '; the README lists the settings.'}`,
      );
    } else if (name.length >= 8 && closest && closest.away <= 2) {
      warnings.push(`${name} is not a Dateline setting and is ignored; did you mean ${closest.setting}?`);
    }
  }
  return warnings;
}

/** The misspelling warnings for this process's environment. */
export function environmentWarnings(): string[] {
  return [...unknownSettingWarnings(environmentNames()), ...buildSettingWarnings(env.builtSiteSettings, env.settings)];
}

/**
 * Warnings for page settings (SITE_URL, SITE_NAME…) that differ from the
 * build's: prerendered pages keep the build's value while pages rendered
 * later take the server's, so a reader would meet both. `built` is the
 * build's JSON (env.builtSiteSettings); none when it is unknown.
 */
export function buildSettingWarnings(built: string | undefined, now: SettingsSource): string[] {
  if (!built) return [];
  let values: Record<string, unknown>;
  try {
    values = JSON.parse(built) as Record<string, unknown>;
  } catch {
    return [];
  }
  return PAGE_SETTING_NAMES.flatMap((name) => {
    const then = typeof values[name] === 'string' ? values[name] : '';
    const current = now[name]?.trim() ?? '';
    if (then === current) return [];
    return [
      `${name} is ${current === '' ? 'unset' : current} here but the pages were built with ${then === '' ? 'it unset' : then}: prerendered pages show the build's value and pages rendered from now on this one. Start the server with ${then === '' ? `${name} unset` : `${name}=${then}`}, or build again with the new value.`,
    ];
  });
}

/** Validates the variables and fills in defaults; throws one SettingsError naming every problem. */
export function parseSettings(source: SettingsSource): Settings {
  const result = settingsSchema.safeParse(source);
  if (!result.success) {
    throw new SettingsError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const values = result.data;
  const siteUrl = values.SITE_URL ?? DEFAULT_SITE_URL;
  const siteName = values.SITE_NAME ?? site.name;
  return {
    siteUrl,
    siteName,
    siteDescription: values.SITE_DESCRIPTION ?? site.description,
    siteLang: values.SITE_LANG ?? site.defaultLang,
    publisherName: values.PUBLISHER_NAME ?? siteName,
    publisherLogo: resolveUrl(values.PUBLISHER_LOGO ?? DEFAULT_PUBLISHER_LOGO, siteUrl),
    prerenderRecent: values.PRERENDER_RECENT ?? DEFAULT_PRERENDER_RECENT,
  };
}

let cached: Settings | undefined;

/** The settings of this process, validated on first use. */
export function getSettings(): Settings {
  cached ??= parseSettings(readSettingsEnv());
  return cached;
}

/** `path` (site-relative, e.g. `/articles/x`) as an absolute URL on the canonical origin; absolute URLs pass through. */
export function absoluteUrl(path: string, settings: Pick<Settings, 'siteUrl'> = getSettings()): string {
  return resolveUrl(path, settings.siteUrl);
}

function resolveUrl(path: string, siteUrl: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(path)) return path;
  if (path.startsWith('//')) return new URL(path, siteUrl).href;
  return `${siteUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

function canonicalLanguage(value: string): string | null {
  // Intl accepts some private and extension forms that are useless as a page language.
  if (!/^[a-z]{2,3}(-[a-z\d]{1,8})*$/i.test(value)) return null;
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}
