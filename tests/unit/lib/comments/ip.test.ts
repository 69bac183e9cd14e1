import { describe, expect, it } from 'vitest';

import { canonicalIp, hashIp } from '@/lib/comments/ip';

const secret = 'test-secret-that-is-long-enough-for-the-rule-0123456789';

describe('hashIp', () => {
  it('is keyed: the same address gives a different hash under another secret', () => {
    const hash = hashIp('203.0.113.7', secret);
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashIp(' 203.0.113.7 ', secret));
    expect(hashIp('203.0.113.7', `${secret}x`)).not.toBe(hash);
    expect(hashIp('203.0.113.8', secret)).not.toBe(hash);
    expect(hash).not.toContain('203');
  });

  it('treats an IPv4-mapped IPv6 address as IPv4', () => {
    expect(hashIp('::ffff:203.0.113.7', secret)).toBe(hashIp('203.0.113.7', secret));
  });

  it('treats the hex form of an IPv4-mapped address as IPv4, so two senders keep two buckets', () => {
    expect(canonicalIp('::ffff:102:304')).toBe('1.2.3.4');
    expect(canonicalIp('::ffff:506:708')).toBe('5.6.7.8');
    expect(canonicalIp('0:0:0:0:0:ffff:cb00:7107')).toBe('203.0.113.7');
    expect(hashIp('::ffff:102:304', secret)).not.toBe(hashIp('::ffff:506:708', secret));
    expect(hashIp('::ffff:102:304', secret)).toBe(hashIp('1.2.3.4', secret));
  });

  it('does not read IPv4 in octal, hex or short forms', () => {
    expect(canonicalIp('0x7f.1')).toBeNull();
    expect(canonicalIp('127.1')).toBeNull();
    expect(canonicalIp('2130706433')).toBeNull();
  });

  it('groups an IPv6 address by its /64 network', () => {
    expect(canonicalIp('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(canonicalIp('2001:0DB8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(canonicalIp('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
    expect(canonicalIp('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(hashIp('2001:db8:1:2::1', secret)).toBe(hashIp('2001:db8:1:2:ffff::9', secret));
    expect(hashIp('2001:db8:1:3::1', secret)).not.toBe(hashIp('2001:db8:1:2::1', secret));
  });

  it('refuses what is not an address', () => {
    expect(hashIp('', secret)).toBeNull();
    expect(hashIp('not-an-ip', secret)).toBeNull();
    expect(hashIp('999.1.1.1', secret)).toBeNull();
  });
});
