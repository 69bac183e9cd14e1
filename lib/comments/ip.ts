import 'server-only';

import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

import { deriveKey, getCommentSecret } from '@/lib/comments/secret';

/**
 * The form in which an address is hashed. IPv4-mapped IPv6 addresses become
 * IPv4; an IPv6 address becomes its /64 network, because one subscriber is
 * usually given a whole /64 and could otherwise step around flood control.
 * Returns null for something that is not an IP address.
 */
export function canonicalIp(ip: string): string | null {
  let value = ip.trim().toLowerCase();
  if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1);
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(value)) return value;
  if (!isIPv6(value)) return null;
  return `${expandIPv6(value).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(value: string): string[] {
  let text = value;
  // A trailing dotted quad is the last two groups.
  const quad = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => Number.parseInt(group || '0', 16).toString(16));
}

/**
 * A keyed hash of the reader's address, for flood control and blocking. The
 * raw address is never stored; without the secret the hash cannot be turned
 * back into one by trying all 2³² IPv4 addresses. Null when `ip` is not an address.
 */
export function hashIp(ip: string, secret: Buffer | string = getCommentSecret()): string | null {
  const canonical = canonicalIp(ip);
  if (canonical === null) return null;
  return createHmac('sha256', deriveKey(secret, 'ip-hash')).update(canonical).digest('base64url');
}
