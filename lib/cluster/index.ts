import 'server-only';

import { randomBytes } from 'node:crypto';
import os from 'node:os';

import { createClient } from '@redis/client';

import { env } from '@/lib/env';

// Several app servers behind one cache, sharing state through Redis (REDIS_URL):
// - a publication reaches every server: the one that published announces it on
//   a channel, the others read their own content folder again and regenerate
//   the same pages (lib/publishing calls announcePublication; each server
//   relays an announcement to its own /api/revalidate);
// - one publication clock: scheduled articles are published by the server
//   holding a lease in Redis, renewed on every tick; when that server dies its
//   lease runs out and another takes the clock over within a minute;
// - /api/health compares this server's content with the last published one.
// Without REDIS_URL none of this runs: one server is the whole site.
// While Redis is unreachable every server runs its own clock, so none keeps
// serving a scheduled article late.

const CHANNEL = 'dateline:publications';
const FINGERPRINT_KEY = 'dateline:content-fingerprint';
const CLOCK_KEY = 'dateline:publication-clock';
/** The clock ticks every 15 s; a lease of 40 s outlives two missed renewals, and a dead holder's runs out within a minute. */
const CLOCK_LEASE_MS = 40_000;
const COMMAND_TIMEOUT_MS = 1_000;

export type Announcement = { from: string; fingerprint: string };
type Relay = (announcement: Announcement) => Promise<void>;
type Client = ReturnType<typeof createClient>;
type Cluster = { id: string; commands: Client; subscriber: Client; up: boolean; loggedDown: boolean };

const CLUSTER = Symbol.for('dateline.cluster');
type Holder = typeof globalThis & { [CLUSTER]?: Cluster };

/** This server's name in announcements and the clock's lease: host, process and a random part. */
function serverId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

function timed<T>(command: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer in time')), COMMAND_TIMEOUT_MS);
  });
  return Promise.race([command, timeout]).finally(() => clearTimeout(timer));
}

function safeAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'REDIS_URL';
  }
}

function cluster(): Cluster | undefined {
  return (globalThis as Holder)[CLUSTER];
}

/** Whether this process is one of several servers: a production server (not the build) with REDIS_URL. */
export function clusterWanted(): boolean {
  return env.redisUrl !== undefined && env.isProduction && !env.isBuilding;
}

/** Connects to Redis and listens for other servers' publications; `relay` has this server publish too. */
export function startCluster(relay: Relay): void {
  const holder = globalThis as Holder;
  const url = env.redisUrl;
  if (holder[CLUSTER] || !url) return;
  const options = {
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) },
  };
  const state: Cluster = {
    id: serverId(),
    commands: createClient(options),
    subscriber: createClient(options),
    up: false,
    loggedDown: false,
  };
  holder[CLUSTER] = state;
  const where = safeAddress(url);
  state.commands.on('ready', () => {
    state.up = true;
    if (state.loggedDown) console.warn(`Cluster: Redis at ${where} is back; publications reach every server again.`);
    state.loggedDown = false;
  });
  state.commands.on('error', (error: unknown) => {
    state.up = false;
    if (state.loggedDown) return;
    state.loggedDown = true;
    const reason = error instanceof Error ? error.message || error.name : String(error);
    console.warn(`Cluster: Redis at ${where} is unreachable (${reason}); this server publishes on its own until it returns.`);
  });
  // The subscriber's errors are the same outage; the commands client reports it.
  state.subscriber.on('error', () => undefined);
  state.commands.connect().catch(() => undefined);
  state.subscriber
    .connect()
    .then(() =>
      state.subscriber.subscribe(CHANNEL, (message) => {
        const announcement = parseAnnouncement(message);
        if (!announcement || announcement.from === state.id) return;
        relay(announcement).catch((error: unknown) => {
          console.error(
            `Cluster: a publication of ${announcement.from} was not applied here: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
      }),
    )
    .catch(() => undefined);
}

/** Closes this server's Redis connections (tests; a server keeps them until it exits). */
export async function stopCluster(): Promise<void> {
  const holder = globalThis as Holder;
  const state = holder[CLUSTER];
  delete holder[CLUSTER];
  if (!state) return;
  for (const client of [state.subscriber, state.commands]) {
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.destroy();
  }
}

function parseAnnouncement(message: string): Announcement | null {
  try {
    const value = JSON.parse(message) as Partial<Announcement>;
    return typeof value.from === 'string' && typeof value.fingerprint === 'string'
      ? { from: value.from, fingerprint: value.fingerprint }
      : null;
  } catch {
    return null;
  }
}

/** Tells the other servers that this one published `fingerprint`; false when Redis did not take it. */
export async function announcePublication(fingerprint: string): Promise<boolean> {
  const state = cluster();
  if (!state?.up) return false;
  try {
    await timed(state.commands.set(FINGERPRINT_KEY, fingerprint));
    await timed(state.commands.publish(CHANNEL, JSON.stringify({ from: state.id, fingerprint } satisfies Announcement)));
    return true;
  } catch {
    return false;
  }
}

const CLAIM_CLOCK = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0`;

/**
 * Whether this server publishes scheduled articles now: always when it is the
 * only one; with Redis, when it holds (or takes, or renews) the clock's lease;
 * while Redis is unreachable, yes, since no announcement would reach it.
 */
export async function holdsPublicationClock(): Promise<boolean> {
  const state = cluster();
  if (!state || !state.up) return true;
  try {
    const claimed = await timed(state.commands.eval(CLAIM_CLOCK, { keys: [CLOCK_KEY], arguments: [state.id, String(CLOCK_LEASE_MS)] }));
    return claimed === 1;
  } catch {
    return true;
  }
}

export type ContentState = { fingerprint: string; latest: string | null; state: 'current' | 'lagging' | 'unknown' };

/** This server's content beside the last one published in the cluster; undefined when there is no cluster. */
export async function clusterContentState(fingerprint: string): Promise<ContentState | undefined> {
  const state = cluster();
  if (!state) return undefined;
  if (!state.up) return { fingerprint, latest: null, state: 'unknown' };
  try {
    const latest = await timed(state.commands.get(FINGERPRINT_KEY));
    return { fingerprint, latest, state: latest === null || latest === fingerprint ? 'current' : 'lagging' };
  } catch {
    return { fingerprint, latest: null, state: 'unknown' };
  }
}
