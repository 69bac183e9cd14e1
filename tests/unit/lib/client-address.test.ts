import { describe, expect, it } from 'vitest';

import { clientAddress, PEER_HEADER, trustedProxyProblem } from '@/lib/client-address';

const headers = (values: Record<string, string>) => new Headers(values);

describe('clientAddress', () => {
  it('is the connection’s address by default, whatever X-Forwarded-For says', () => {
    expect(clientAddress(headers({ [PEER_HEADER]: '198.51.100.7', 'x-forwarded-for': '203.0.113.9' }), undefined)).toBe('198.51.100.7');
    expect(clientAddress(headers({ [PEER_HEADER]: '198.51.100.7', 'x-forwarded-for': 'unknown' }), undefined)).toBe('198.51.100.7');
  });

  it('reads X-Forwarded-For from the right past each trusted proxy', () => {
    const trusted = '127.0.0.1, 10.0.0.0/24';
    expect(clientAddress(headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-for': '203.0.113.9' }), trusted)).toBe('203.0.113.9');
    // A client-written entry left of the trusted hops is not believed: the
    // first untrusted address from the right is the reader.
    expect(clientAddress(headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 10.0.0.4' }), trusted)).toBe(
      '203.0.113.9',
    );
    // A connection from outside the trusted list: its header is ignored.
    expect(clientAddress(headers({ [PEER_HEADER]: '198.51.100.7', 'x-forwarded-for': '203.0.113.9' }), trusted)).toBe('198.51.100.7');
  });

  it('never lets a missing or made-up entry lift the limit: the proxy’s own address stands', () => {
    for (const value of ['unknown', '', ' , ', '999.1.1.1', '1.2.3']) {
      expect(clientAddress(headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-for': value }), '127.0.0.1'), value).toBe('127.0.0.1');
    }
    expect(clientAddress(headers({ [PEER_HEADER]: '127.0.0.1' }), '127.0.0.1')).toBe('127.0.0.1');
  });

  it('treats an IPv4-mapped IPv6 connection as IPv4', () => {
    expect(clientAddress(headers({ [PEER_HEADER]: '::ffff:127.0.0.1', 'x-forwarded-for': '203.0.113.9' }), '127.0.0.1')).toBe(
      '203.0.113.9',
    );
    expect(clientAddress(headers({ [PEER_HEADER]: '::ffff:198.51.100.7' }), undefined)).toBe('198.51.100.7');
  });

  it('is null for a request the server did not record, even with the header sent by a client', () => {
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.9' }), undefined)).toBeNull();
    expect(clientAddress(headers({ [PEER_HEADER]: 'not-an-address' }), undefined)).toBeNull();
  });
});

describe('trustedProxyProblem', () => {
  it('accepts addresses and CIDR ranges and names anything else', () => {
    expect(trustedProxyProblem('127.0.0.1')).toBeNull();
    expect(trustedProxyProblem('10.0.0.0/8')).toBeNull();
    expect(trustedProxyProblem('fd00::/8')).toBeNull();
    expect(trustedProxyProblem('nginx')).toBe('"nginx" is not an IP address or a CIDR range');
  });
});
