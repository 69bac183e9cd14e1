import 'server-only';

import { createHmac } from 'node:crypto';

import type ipaddr from 'ipaddr.js';

import { parseAddress } from '@/lib/client-address';
import { deriveKey, getCommentSecret } from '@/lib/comments/secret';

/**
 * The form in which an address is hashed. IPv4-mapped IPv6 addresses become
 * IPv4, in whichever notation they come (`::ffff:1.2.3.4`, `::ffff:102:304`);
 * an IPv6 address becomes its /64 network, because one subscriber is usually
 * given a whole /64 and could otherwise step around flood control. IPv4 is
 * accepted in its four-part decimal form only. Returns null for something
 * that is not an IP address.
 */
export function canonicalIp(ip: string): string | null {
  const address = parseAddress(ip);
  if (address === null) return null;
  if (address.kind() === 'ipv4') return address.toString();
  return `${(address as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
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
