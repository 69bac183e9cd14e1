import { describe, expect, it } from 'vitest';

import {
  checkModeratorPassword,
  cleanModeratorName,
  createModeratorSession,
  isHttpsRequest,
  isModerationEnabled,
  isSameOriginRequest,
  MODERATOR_SESSION_SECONDS,
  moderatorCookieOptions,
  verifyModeratorSession,
} from '@/lib/moderation/sessions';

const keys = { password: 'correct horse battery staple', secret: 'a-comment-secret-of-at-least-32-characters' };
const NOW = Date.parse('2026-11-02T09:30:00Z');

const headers = (values: Record<string, string>) => new Headers(values);

describe('isModerationEnabled', () => {
  it('is closed without a password or with a broken comment secret, open otherwise', () => {
    expect(isModerationEnabled({ password: undefined, secretProblems: [] })).toBe(false);
    expect(isModerationEnabled({ password: 'x', secretProblems: ['COMMENT_SECRET is too short'] })).toBe(false);
    expect(isModerationEnabled({ password: 'x', secretProblems: [] })).toBe(true);
  });
});

describe('checkModeratorPassword', () => {
  it('accepts only the exact password, whatever the lengths', () => {
    expect(checkModeratorPassword(keys.password, keys.password)).toBe(true);
    expect(checkModeratorPassword(`${keys.password} `, keys.password)).toBe(false);
    expect(checkModeratorPassword('correct', keys.password)).toBe(false);
    expect(checkModeratorPassword('', keys.password)).toBe(false);
    expect(checkModeratorPassword('x'.repeat(10_000), keys.password)).toBe(false);
  });

  it('refuses everything when no password is configured, and non-text input', () => {
    expect(checkModeratorPassword('', undefined)).toBe(false);
    expect(checkModeratorPassword(null, keys.password)).toBe(false);
    expect(checkModeratorPassword(undefined, keys.password)).toBe(false);
  });
});

describe('moderator sessions', () => {
  it('round-trips a signed session with the moderator’s name, and holds no password', () => {
    const token = createModeratorSession('Amina Rahimi', { ...keys, now: NOW });
    expect(token).not.toContain(keys.password);
    expect(verifyModeratorSession(token, { ...keys, now: NOW + 1_000 })).toEqual({
      id: token.split('.')[2],
      actor: 'moderator:Amina Rahimi',
      name: 'Amina Rahimi',
      expiresAt: NOW + MODERATOR_SESSION_SECONDS * 1_000,
    });
    expect(verifyModeratorSession(createModeratorSession(null, { ...keys, now: NOW }), { ...keys, now: NOW })?.actor).toBe('moderator');
    // Each sign-in is a session of its own, so signing out ends that one only.
    expect(createModeratorSession('Desk', { ...keys, now: NOW }).split('.')[2]).not.toBe(
      createModeratorSession('Desk', { ...keys, now: NOW }).split('.')[2],
    );
  });

  it('refuses a forged, altered, expired or foreign session', () => {
    const token = createModeratorSession('Desk', { ...keys, now: NOW });
    const [version, expiry, id, name, mac] = token.split('.') as [string, string, string, string, string];
    const otherId = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
    const later = (Number.parseInt(expiry, 36) + 60_000).toString(36);
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [
      `${version}.${later}.${id}.${name}.${mac}`,
      `${version}.${expiry}.${otherId}.${name}.${mac}`,
      `${version}.${expiry}.${id}.${Buffer.from('Someone else').toString('base64url')}.${mac}`,
      `${version}.${expiry}.${id}.${name}.${flipped}`,
      `v1.${expiry}.${name}.${mac}`,
      `v3.${expiry}.${id}.${name}.${mac}`,
      '',
      'garbage',
    ]) {
      expect(verifyModeratorSession(forged, { ...keys, now: NOW })).toBeNull();
    }
    expect(verifyModeratorSession(token, { ...keys, now: NOW + MODERATOR_SESSION_SECONDS * 1_000 })).toBeNull();
    // A changed password or secret ends every session.
    expect(verifyModeratorSession(token, { ...keys, password: 'new password', now: NOW })).toBeNull();
    expect(verifyModeratorSession(token, { ...keys, secret: 'another-secret-of-at-least-32-characters!', now: NOW })).toBeNull();
    expect(verifyModeratorSession(undefined, keys)).toBeNull();
  });

  it('refuses a session that claims to last longer than a session can', () => {
    const far = createModeratorSession('Desk', { ...keys, now: NOW + 10 * MODERATOR_SESSION_SECONDS * 1_000 });
    expect(verifyModeratorSession(far, { ...keys, now: NOW })).toBeNull();
  });

  it('cleans the moderator’s name and never takes an email address into the cookie', () => {
    expect(cleanModeratorName('  Copy   desk ')).toBe('Copy desk');
    expect(cleanModeratorName('editor@example.com')).toBeNull();
    expect(cleanModeratorName('tab\there')).toBe('tab here');
    expect(cleanModeratorName('bidi \u202Eevil')).toBeNull();
    expect(cleanModeratorName('x'.repeat(61))).toBeNull();
    expect(cleanModeratorName('')).toBeNull();
    expect(cleanModeratorName(42)).toBeNull();
  });
});

describe('isSameOriginRequest', () => {
  it('accepts a POST whose Origin is this host', () => {
    expect(isSameOriginRequest(headers({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }))).toBe(true);
    expect(
      isSameOriginRequest(headers({ origin: 'https://news.example.com', host: 'app-1:3000', 'x-forwarded-host': 'news.example.com' })),
    ).toBe(true);
    expect(isSameOriginRequest(headers({ origin: 'http://a.test', host: 'a.test', 'sec-fetch-site': 'same-origin' }))).toBe(true);
  });

  it('refuses another origin, a missing or opaque Origin, and cross-site fetch metadata', () => {
    expect(isSameOriginRequest(headers({ origin: 'http://evil.example', host: 'a.test' }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: 'a.test' }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: 'null', host: 'a.test' }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: 'http://a.test.evil.example', host: 'a.test' }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: 'http://a.test', host: 'a.test', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: 'http://a.test', host: 'a.test', 'sec-fetch-site': 'same-site' }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: 'ftp://a.test', host: 'a.test' }))).toBe(false);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, scoped to /moderation, and Secure on https', () => {
    expect(moderatorCookieOptions(false)).toEqual({
      httpOnly: true,
      sameSite: 'strict',
      secure: false,
      path: '/moderation',
      maxAge: MODERATOR_SESSION_SECONDS,
    });
    expect(moderatorCookieOptions(true).secure).toBe(true);
    expect(isHttpsRequest(headers({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isHttpsRequest(headers({ 'x-forwarded-proto': 'https,http' }))).toBe(true);
    expect(isHttpsRequest(headers({ origin: 'https://news.example.com' }))).toBe(true);
    expect(isHttpsRequest(headers({ 'x-forwarded-proto': 'http', origin: 'http://127.0.0.1:3000' }))).toBe(false);
  });
});
