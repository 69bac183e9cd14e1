import 'server-only';

import { z } from 'zod';

import { env } from '@/lib/env';
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

export const SETTING_NAMES = [
  'SITE_URL',
  'SITE_NAME',
  'SITE_DESCRIPTION',
  'SITE_LANG',
  'PUBLISHER_NAME',
  'PUBLISHER_LOGO',
  'PRERENDER_RECENT',
] as const;

export type SettingName = (typeof SETTING_NAMES)[number];
export type SettingsSource = Partial<Record<SettingName, string | undefined>>;

export const DEFAULT_SITE_URL = 'http://localhost:3000';
/** A file under `public/`; the deployment must ship it. */
export const DEFAULT_PUBLISHER_LOGO = '/logo.png';
export const DEFAULT_PRERENDER_RECENT = 2_000;

/** The settings variables as the environment has them (read by lib/env.ts). */
export function readSettingsEnv(): SettingsSource {
  return { ...env.siteSettings };
}

export class SettingsError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid site settings in the environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
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

export const settingsSchema = z.object({
  SITE_URL: optional(siteUrlSchema),
  SITE_NAME: optional(textSchema('SITE_NAME', 100)),
  SITE_DESCRIPTION: optional(textSchema('SITE_DESCRIPTION', 500)),
  SITE_LANG: optional(languageSchema),
  PUBLISHER_NAME: optional(textSchema('PUBLISHER_NAME', 100)),
  PUBLISHER_LOGO: optional(logoSchema),
  PRERENDER_RECENT: optional(prerenderSchema),
});

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
