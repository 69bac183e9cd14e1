// @ts-check
// The page cache of a single server (no REDIS_URL): Next.js's own cache in
// the build folder, unchanged, except that it never keeps a "not found"
// answer (see answers.mjs). `cacheHandler` in next.config.ts, at run time.
//
// Next.js loads this file itself, by path, outside the app's bundles: hence
// plain JavaScript with checked JSDoc types, and nothing imported from lib/
// but its own folder.
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';

import { isNotFoundAnswer } from './answers.mjs';

/** @type {any} */
const FileSystemCache = /** @type {any} */ (fileSystemCache).default ?? fileSystemCache;

export default class PageCacheHandler extends FileSystemCache {
  /**
   * @param {string} key
   * @param {unknown} data
   * @param {unknown} context
   */
  async set(key, data, context) {
    if (isNotFoundAnswer(data)) return;
    return super.set(key, data, context);
  }
}
