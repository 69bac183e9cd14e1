import 'server-only';

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { commentConfigProblems, deriveKey, getCommentSecret } from '@/lib/comments';
import { env } from '@/lib/env';
import { MODERATION_PATH } from '@/lib/routes';

export const MODERATOR_COOKIE = 'dateline_moderator';
/** The cookie goes only to the moderation pages, never to the public site. */
export const MODERATOR_COOKIE_PATH = MODERATION_PATH;
export const MODERATOR_SESSION_SECONDS = 8 * 60 * 60;
/** Longest moderator name recorded with a change (the store allows 100 for the whole actor). */
export const MODERATOR_NAME_MAX = 60;

/** `id` names the session in the store's revocation list (sign-out ends it on every server). */
export type ModeratorSession = { id: string; actor: string; name: string | null; expiresAt: number };

type SessionOptions = { now?: number; password?: string; secret?: Buffer | string };

/**
 * Moderation opens only with a password and a valid comment secret (which
 * signs the session cookie); otherwise the pages answer 404.
 */
export function isModerationEnabled(
  settings: { password?: string; secretProblems?: readonly string[] } = {
    password: env.moderatorPassword,
    secretProblems: commentConfigProblems(),
  },
): boolean {
  return settings.password !== undefined && (settings.secretProblems ?? []).length === 0;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time: both sides are hashed to equal-length digests before comparing. */
export function checkModeratorPassword(given: unknown, expected: string | undefined = env.moderatorPassword): boolean {
  if (expected === undefined || typeof given !== 'string' || given.length > 4_096) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * A name the moderator may give at login, recorded with each change. Null
 * when blank or unusable; never an email address, because it travels in the
 * session cookie.
 */
export function cleanModeratorName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name === '' || [...name].length > MODERATOR_NAME_MAX) return null;
  if (/[\p{Cc}\p{Cf}\p{Cs}@]/u.test(name)) return null;
  return name;
}

export function moderatorActor(name: string | null): string {
  return name ? `moderator:${name}` : 'moderator';
}

// The key depends on the password, so changing MODERATOR_PASSWORD ends every session.
function sessionKey(options: SessionOptions): Buffer {
  const password = options.password ?? env.moderatorPassword ?? '';
  return createHmac('sha256', deriveKey(options.secret ?? getCommentSecret(), 'moderator-session'))
    .update(password, 'utf8')
    .digest();
}

function sessionMac(options: SessionOptions, expiresAt: string, id: string, name: string): Buffer {
  return createHmac('sha256', sessionKey(options)).update(`v2\n${expiresAt}\n${id}\n${name}`).digest();
}

/**
 * `v2.<expiry, base 36 ms>.<random id>.<name, base64url>.<HMAC-SHA256>`: no
 * password, nothing secret inside. The id is what sign-out records as revoked.
 */
export function createModeratorSession(name: string | null, options: SessionOptions & { id?: string } = {}): string {
  const expiresAt = ((options.now ?? Date.now()) + MODERATOR_SESSION_SECONDS * 1_000).toString(36);
  const id = options.id ?? randomBytes(18).toString('base64url');
  const encodedName = Buffer.from(name ?? '', 'utf8').toString('base64url');
  const mac = sessionMac(options, expiresAt, id, encodedName).toString('base64url');
  return `v2.${expiresAt}.${id}.${encodedName}.${mac}`;
}

const SESSION_SHAPE = /^v2\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{0,400})\.([A-Za-z0-9_-]{43})$/;

/** The session in a cookie value, or null when it is missing, forged or expired. Never throws. */
export function verifyModeratorSession(value: unknown, options: SessionOptions = {}): ModeratorSession | null {
  if (typeof value !== 'string') return null;
  const match = SESSION_SHAPE.exec(value);
  if (!match) return null;
  const [, expiresText = '', id = '', encodedName = '', macText = ''] = match;
  try {
    const expected = sessionMac(options, expiresText, id, encodedName);
    const given = Buffer.from(macText, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  } catch {
    return null;
  }
  const expiresAt = Number.parseInt(expiresText, 36);
  const now = options.now ?? Date.now();
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= now || expiresAt - now > MODERATOR_SESSION_SECONDS * 1_000) {
    return null;
  }
  const name = cleanModeratorName(Buffer.from(encodedName, 'base64url').toString('utf8'));
  return { id, actor: moderatorActor(name), name, expiresAt };
}

type HeaderReader = { get(name: string): string | null };

const firstValue = (value: string | null) => value?.split(',')[0]?.trim().toLowerCase() || null;

/**
 * True when a POST comes from a page of this site. Next.js lets a request
 * without an Origin header through with a warning; moderation refuses it, and
 * refuses a cross-site Sec-Fetch-Site too.
 */
export function isSameOriginRequest(headers: HeaderReader): boolean {
  const fetchSite = firstValue(headers.get('sec-fetch-site'));
  if (fetchSite !== null && fetchSite !== 'same-origin') return false;
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    originHost = url.host.toLowerCase();
  } catch {
    return false;
  }
  const hosts = [firstValue(headers.get('x-forwarded-host')), firstValue(headers.get('host'))];
  return hosts.some((host) => host !== null && host === originHost);
}

/** The request reached the site over https (directly or through a proxy that says so). */
export function isHttpsRequest(headers: HeaderReader): boolean {
  if (firstValue(headers.get('x-forwarded-proto')) === 'https') return true;
  return (headers.get('origin') ?? '').toLowerCase().startsWith('https://');
}

export function moderatorCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    path: MODERATOR_COOKIE_PATH,
    maxAge: MODERATOR_SESSION_SECONDS,
  };
}
