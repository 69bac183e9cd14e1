import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterEach, describe, expect, inject, it, vi } from 'vitest';

async function freshModule() {
  vi.resetModules();
  return import('@/lib/comments');
}

afterEach(async () => {
  const { closeCommentStore } = await import('@/lib/comments');
  await closeCommentStore();
  vi.unstubAllEnvs();
});

describe('getCommentStore', () => {
  it('opens SQLite by default, migrates once and returns the same store', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-index-'));
    try {
      vi.stubEnv('DATABASE_URL', '');
      vi.stubEnv('COMMENTS_SQLITE_PATH', path.join(dir, 'data', 'comments.sqlite'));
      const { getCommentStore, closeCommentStore } = await freshModule();
      const [a, b] = await Promise.all([getCommentStore(), getCommentStore()]);
      expect(a).toBe(b);
      expect(a.driver).toBe('sqlite');
      expect(await a.health()).toMatchObject({ ok: true, schemaVersion: 4 });
      await closeCommentStore();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens PostgreSQL when DATABASE_URL is set', async () => {
    const database = `index_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database}`);
      const url = new URL(inject('postgresUrl'));
      url.pathname = `/${database}`;
      vi.stubEnv('DATABASE_URL', url.href);
      const { getCommentStore, closeCommentStore } = await freshModule();
      const store = await getCommentStore();
      expect(store.driver).toBe('postgres');
      expect(await store.health()).toMatchObject({ ok: true, schemaVersion: 4 });
      await closeCommentStore();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database}`);
      await admin.end();
    }
  });

  it('does not remember a failed start', async () => {
    vi.stubEnv('DATABASE_URL', 'postgresql://postgres@127.0.0.1:1/none');
    const { getCommentStore } = await freshModule();
    const first = getCommentStore();
    await expect(first).rejects.toMatchObject({ name: 'CommentStoreError', code: 'unavailable' });
    const second = getCommentStore();
    expect(second).not.toBe(first);
    await expect(second).rejects.toMatchObject({ code: 'unavailable' });
  });
});
