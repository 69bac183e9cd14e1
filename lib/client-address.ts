import 'server-only';

import ipaddr from 'ipaddr.js';

import { env } from '@/lib/env';

/**
 * Set on every request by the server itself (lib/request-gate.ts) to the
 * address of whoever opened the connection; a value a client sends is
 * overwritten. Next.js only adds X-Forwarded-For when a request has none, so
 * without this the app could not tell a reader's own address from one they
 * wrote into that header.
 */
export const PEER_HEADER = 'x-dateline-peer';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** The problem with one TRUSTED_PROXIES entry, or null when it is an address or a CIDR range. */
export function trustedProxyProblem(entry: string): string | null {
  if (ipaddr.isValid(entry) || ipaddr.isValidCIDR(entry)) return null;
  return `${JSON.stringify(entry)} is not an IP address or a CIDR range`;
}

/** The entries of a TRUSTED_PROXIES value: comma- or space-separated. */
export function trustedProxyEntries(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
}

function parseRanges(value: string | undefined): Range[] {
  return trustedProxyEntries(value).flatMap((entry): Range[] => {
    if (ipaddr.isValidCIDR(entry)) return [ipaddr.parseCIDR(entry)];
    if (!ipaddr.isValid(entry)) return []; // refused at start by lib/settings.ts
    const address = ipaddr.parse(entry);
    return [[address, address.kind() === 'ipv4' ? 32 : 128]];
  });
}

/**
 * An address as ipaddr.js reads it: brackets and an IPv6 zone dropped,
 * IPv4-mapped IPv6 (in either notation) as IPv4, IPv4 in its four-part decimal
 * form only. Null when `value` is not an address. lib/comments/ip.ts
 * canonicalises for hashing from this.
 */
export function parseAddress(value: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let text = value.trim().toLowerCase();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!ipaddr.IPv6.isValid(text)) return null;
  const address = ipaddr.IPv6.parse(text);
  return address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
}

function isTrusted(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]): boolean {
  return ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

type HeaderSource = { get(name: string): string | null };

/**
 * The reader's address. By default, the connection's own address: what a
 * client writes into X-Forwarded-For is ignored. With TRUSTED_PROXIES set (the
 * nginx in front, a load balancer), the X-Forwarded-For entries are read from
 * the right past each trusted hop: the first address not trusted is the
 * reader. An entry that is not an IP address ends the walk at the last trusted
 * hop, so a made-up value never lifts a per-address limit: those requests
 * share the proxy's own address. Null only when the server did not record the
 * connection (a request that did not come through it).
 */
export function clientAddress(headers: HeaderSource, trustedProxies: string | undefined = env.trustedProxies): string | null {
  const peer = parseAddress(headers.get(PEER_HEADER) ?? '');
  if (peer === null) return null;
  const ranges = parseRanges(trustedProxies);
  const forwarded = (headers.get('x-forwarded-for') ?? '').split(',');
  let client = peer;
  for (let index = forwarded.length - 1; index >= 0 && isTrusted(client, ranges); index -= 1) {
    const entry = (forwarded[index] ?? '').trim();
    if (entry === '') continue;
    const address = parseAddress(entry);
    if (address === null) break;
    client = address;
  }
  return client.toString();
}

// Requests whose connection the server did not record share one address, so
// a per-address limit still holds for them.
const UNRECORDED = '0.0.0.0';

/** clientAddress, or one shared address when the connection was not recorded: for per-address limits. */
export function limitAddress(headers: HeaderSource): string {
  return clientAddress(headers) ?? UNRECORDED;
}
