import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { Redis } from '@/scripts/cluster/servers';

// lib/cluster against a real Redis (Debian's redis-server): the publication
// clock's lease and the content state /api/health reports.

type Cluster = typeof import('@/lib/cluster');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function untilTrue(check: () => Promise<boolean>, limitMs = 10_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached');
    await sleep(50);
  }
}

describe('several servers through Redis', () => {
  let redis: Redis;
  let cluster: Cluster;
  const relayed: string[] = [];

  beforeAll(async () => {
    redis = await Redis.start();
    vi.stubEnv('REDIS_URL', redis.url);
    vi.stubEnv('NODE_ENV', 'production');
    vi.resetModules();
    cluster = await import('@/lib/cluster');
    expect(cluster.clusterWanted()).toBe(true);
    cluster.startCluster(async (announcement) => void relayed.push(announcement.fingerprint));
    // Connected once announcing works.
    await untilTrue(() => cluster.announcePublication('first'));
  }, 60_000);

  afterAll(async () => {
    await cluster?.stopCluster();
    vi.unstubAllEnvs();
    await redis?.stop();
  });

  it('holds the publication clock alone: not while another server’s lease runs, again once it is gone', async () => {
    const { createClient } = await import('@redis/client');
    const other = createClient({ url: redis.url });
    await other.connect();
    try {
      await other.del('dateline:publication-clock');
      expect(await cluster.holdsPublicationClock()).toBe(true);
      expect(await cluster.holdsPublicationClock()).toBe(true); // renewed, still its own
      expect(Number(await other.pTTL('dateline:publication-clock'))).toBeGreaterThan(30_000);
      await other.set('dateline:publication-clock', 'another-server', { PX: 40_000 });
      expect(await cluster.holdsPublicationClock()).toBe(false);
      await other.del('dateline:publication-clock'); // the other server's lease ran out
      expect(await cluster.holdsPublicationClock()).toBe(true);
    } finally {
      await other.quit();
    }
  });

  it('says whether this server’s content is the last one published', async () => {
    expect(await cluster.announcePublication('fingerprint-1')).toBe(true);
    expect(await cluster.clusterContentState('fingerprint-1')).toEqual({
      fingerprint: 'fingerprint-1',
      latest: 'fingerprint-1',
      state: 'current',
    });
    expect((await cluster.clusterContentState('fingerprint-0'))?.state).toBe('lagging');
  });

  it('ignores its own announcements and relays another server’s', async () => {
    const { createClient } = await import('@redis/client');
    const other = createClient({ url: redis.url });
    await other.connect();
    try {
      const before = relayed.length;
      await other.publish('dateline:publications', JSON.stringify({ from: 'another-server', fingerprint: 'from-elsewhere' }));
      await other.publish('dateline:publications', 'not json');
      await untilTrue(async () => relayed.length > before);
      expect(relayed.slice(before)).toEqual(['from-elsewhere']);
      expect(relayed).not.toContain('fingerprint-1');
    } finally {
      await other.quit();
    }
  });

  it('publishes on its own while Redis is unreachable, and reports its content state as unknown', async () => {
    await redis.stop();
    await untilTrue(async () => (await cluster.clusterContentState('x'))?.state === 'unknown');
    expect(await cluster.holdsPublicationClock()).toBe(true);
    expect(await cluster.announcePublication('while-down')).toBe(false);
    await redis.start();
    await untilTrue(() => cluster.announcePublication('after'), 15_000);
  }, 30_000);
});
