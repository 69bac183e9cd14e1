// @ts-check
// One page cache for every app server: Next.js's incremental cache (`cacheHandler`
// in next.config.ts, set when REDIS_URL is) kept in Redis. A page regenerated or
// revalidated on one server is what every server serves next.
//
// Next.js loads this file itself, by path, outside the app's bundles: hence
// plain JavaScript with checked JSDoc types, and nothing imported from lib/
// but its own folder. Like the single-server handler, it never keeps a "not
// found" answer (answers.mjs).
//
// What is stored, under a prefix per build (pages of an older build are never
// served by a newer one):
//   <prefix>entry:<key>  one cache entry as JSON (Buffers and Maps encoded),
//                        expiring after ENTRY_TTL_SECONDS unread or unwritten
//   <prefix>tags         a hash: tag -> when it was last revalidated (ms)
// An entry is a miss when one of its tags (its own, from the page's
// x-next-cache-tags header, and the soft tags Next passes for its path) was
// revalidated after the entry was written: revalidatePath('/articles/x') on
// server B is seen by server A's next request for that page.
//
// When Redis is unreachable, each server keeps answering from a local copy
// (a bounded in-memory cache of what it wrote and read), logs that once, and
// goes back to Redis by itself when it returns, first handing Redis the
// revalidations it recorded meanwhile.
import fs from 'node:fs';
import path from 'node:path';

import { createClient } from '@redis/client';

import { isNotFoundAnswer } from './answers.mjs';

const ENTRY_TTL_SECONDS = 14 * 24 * 60 * 60;
const LOCAL_ENTRIES = 2_000;
const COMMAND_TIMEOUT_MS = 1_000;
const TAGS_HEADER = 'x-next-cache-tags';

/**
 * @typedef {{ lastModified: number; value: unknown; cacheControl?: unknown; tags?: string[] }} Entry
 * @typedef {{ client: ReturnType<typeof createClient>; up: boolean; announced: boolean; loggedDown: boolean; connecting: Promise<void> | null; local: Map<string, Entry>; localTags: Map<string, number>; pendingTags: Map<string, number> }} Shared
 */

/** One connection and one local copy per process, whichever bundle creates the handler. */
const SHARED = Symbol.for('dateline.redis-cache-handler');

const log = (/** @type {string} */ line) => console.warn(`Page cache: ${line}`);

/** @returns {Shared} */
function shared() {
  const holder = /** @type {typeof globalThis & { [SHARED]?: Shared }} */ (globalThis);
  if (holder[SHARED]) return holder[SHARED];
  const url = process.env.REDIS_URL ?? '';
  const client = createClient({
    url,
    // Commands fail at once while the connection is down (the local copy answers);
    // reconnecting goes on in the background, at most every 2 s.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
  });
  /** @type {Shared} */
  const state = {
    client,
    up: false,
    announced: false,
    loggedDown: false,
    connecting: null,
    local: new Map(),
    localTags: new Map(),
    pendingTags: new Map(),
  };
  holder[SHARED] = state;
  const where = safeAddress(url);
  client.on('ready', () => {
    state.up = true;
    if (!state.announced) console.log(`Page cache: shared through Redis at ${where}.`);
    state.announced = true;
    if (state.loggedDown) log(`Redis at ${where} is back; pages are shared again.`);
    state.loggedDown = false;
    void flushPendingTags(state);
  });
  // Logged once per outage, not once per reconnection attempt.
  client.on('error', (/** @type {unknown} */ error) => {
    state.up = false;
    if (state.loggedDown) return;
    state.loggedDown = true;
    const reason = error instanceof Error ? error.message || error.name : String(error);
    log(`Redis at ${where} is unreachable (${reason}); this server answers from its own copy until it returns.`);
  });
  // The handler is created on a server's first request: that request waits
  // for the first connection (at most COMMAND_TIMEOUT_MS), not only later ones.
  state.connecting = client
    .connect()
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => {
      state.connecting = null;
    });
  return state;
}

/** The address without a password, for the log. */
function safeAddress(/** @type {string} */ url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return 'REDIS_URL';
  }
}

async function flushPendingTags(/** @type {Shared} */ state) {
  if (state.pendingTags.size === 0) return;
  const pending = [...state.pendingTags];
  state.pendingTags.clear();
  try {
    for (const [tag, at] of pending) await maxTag(state, tag, at);
  } catch {
    for (const [tag, at] of pending) state.pendingTags.set(tag, at);
  }
}

/** Sets a tag's time in Redis unless a later one is there already. */
async function maxTag(/** @type {Shared} */ state, /** @type {string} */ tag, /** @type {number} */ at) {
  await state.client.eval(
    "local t = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') if tonumber(ARGV[2]) > t then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 1",
    { keys: [`${prefix}tags`], arguments: [tag, String(at)] },
  );
}

/** A command that gives up after COMMAND_TIMEOUT_MS: a slow Redis must not hold a reader's page. */
function timed(/** @type {Promise<any>} */ command) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer in time')), COMMAND_TIMEOUT_MS);
  });
  return Promise.race([command, timeout]).finally(() => clearTimeout(timer));
}

// JSON with Buffers (RSC payloads, images) and Maps (per-segment RSC data) kept as such.
function encode(/** @type {unknown} */ entry) {
  return JSON.stringify(entry, function replacer(key, value) {
    const original = this[key];
    if (Buffer.isBuffer(original)) return { $buffer: original.toString('base64') };
    if (original instanceof Map) return { $map: [...original] };
    return value;
  });
}

function decode(/** @type {string} */ text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && typeof value.$buffer === 'string') return Buffer.from(value.$buffer, 'base64');
    if (value && typeof value === 'object' && Array.isArray(value.$map)) return new Map(value.$map);
    return value;
  });
}

/** The tags a stored page carries: its own header, as Next's file cache reads them. */
function ownTags(/** @type {any} */ value) {
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === 'string' && header !== '' ? header.split(',') : [];
}

function remember(/** @type {Shared} */ state, /** @type {string} */ key, /** @type {Entry} */ entry) {
  state.local.delete(key);
  state.local.set(key, entry);
  while (state.local.size > LOCAL_ENTRIES) {
    const oldest = state.local.keys().next().value;
    if (oldest === undefined) break;
    state.local.delete(oldest);
  }
}

let prefix = 'dateline:';

export default class RedisCacheHandler {
  /** @param {{ serverDistDir?: string }} [options] */
  constructor(options = {}) {
    // The build's id scopes every key: the build folder is the server folder's parent.
    try {
      const buildId = fs.readFileSync(path.join(options.serverDistDir ?? '.next/server', '..', 'BUILD_ID'), 'utf8').trim();
      if (buildId) prefix = `dateline:${buildId}:`;
    } catch {
      // No build yet (next dev): one shared prefix.
    }
    this.state = shared();
  }

  /**
   * @param {string} key
   * @param {{ tags?: string[]; softTags?: string[] }} [context]
   * @returns {Promise<Entry | null>}
   */
  async get(key, context = {}) {
    const { state } = this;
    if (state.connecting) await timed(state.connecting).catch(() => undefined);
    /** @type {Entry | null} */
    let entry = null;
    /** @type {Array<string | null>} */
    let times = [];
    const wanted = (/** @type {Entry} */ found) => [
      ...new Set([...ownTags(found.value), ...(found.tags ?? []), ...(context.tags ?? []), ...(context.softTags ?? [])]),
    ];
    if (state.up) {
      try {
        const text = await timed(state.client.get(`${prefix}entry:${key}`));
        entry = typeof text === 'string' ? decode(text) : null;
        if (entry) {
          const tags = wanted(entry);
          times = tags.length > 0 ? await timed(state.client.hmGet(`${prefix}tags`, tags)) : [];
          remember(state, key, entry);
        }
      } catch {
        entry = state.local.get(key) ?? null;
      }
    } else {
      entry = state.local.get(key) ?? null;
    }
    if (!entry) return null;
    const tags = wanted(entry);
    const revalidatedAt = Math.max(0, ...times.map((time) => Number(time ?? 0)), ...tags.map((tag) => state.localTags.get(tag) ?? 0));
    return revalidatedAt > entry.lastModified ? null : entry;
  }

  /**
   * @param {string} key
   * @param {unknown} data
   * @param {{ tags?: string[]; cacheControl?: unknown; fetchCache?: boolean }} [context]
   */
  async set(key, data, context = {}) {
    if (isNotFoundAnswer(data)) return;
    const { state } = this;
    /** @type {Entry} */
    const entry = {
      lastModified: Date.now(),
      value: data,
      cacheControl: context.fetchCache ? undefined : context.cacheControl,
      tags: context.tags ?? [],
    };
    remember(state, key, entry);
    if (state.connecting) await timed(state.connecting).catch(() => undefined);
    if (!state.up) return;
    try {
      await timed(state.client.set(`${prefix}entry:${key}`, encode(entry), { EX: ENTRY_TTL_SECONDS }));
    } catch {
      // The local copy has it; the next regeneration writes it to Redis again.
    }
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const { state } = this;
    const list = typeof tags === 'string' ? [tags] : tags;
    const now = Date.now();
    for (const tag of list) state.localTags.set(tag, now);
    if (!state.up) {
      for (const tag of list) state.pendingTags.set(tag, now);
      return;
    }
    try {
      await timed(Promise.all(list.map((tag) => maxTag(state, tag, now))));
    } catch {
      for (const tag of list) state.pendingTags.set(tag, now);
    }
  }

  resetRequestCache() {}
}
