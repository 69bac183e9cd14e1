import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { createSqliteCommentStore } from '@/lib/comments/sqlite';

import { comment, meta } from './harness';

const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('SQLite store file', () => {
  it('acknowledges nothing once its file is deleted or replaced under the server, and health says why', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-sqlite-'));
    dirs.push(dir);
    const filename = path.join(dir, 'comments.sqlite');
    const store = createSqliteCommentStore({ filename });
    try {
      await store.migrate();
      expect((await store.create(comment(), meta())).outcome).toBe('created');
      expect(await store.health()).toMatchObject({ ok: true });
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(filename + suffix, { force: true });
      await expect(store.create(comment(), meta())).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringContaining('The comment database file was deleted while the server ran'),
        details: expect.objectContaining({ file: filename }),
      });
      // Health's sentence is public (/api/health): the path is kept apart, for the log.
      const health = await store.health();
      expect(health).toMatchObject({ ok: false, error: expect.stringContaining('was deleted') });
      const { file, ...shown } = health as { file?: string };
      expect(file).toBe(filename);
      expect(JSON.stringify(shown)).not.toContain(dir);
      fs.writeFileSync(filename, '');
      await expect(store.create(comment(), meta())).rejects.toMatchObject({ message: expect.stringContaining('was replaced') });
    } finally {
      await store.close();
    }
  });

  it('is created on first run, in WAL mode, readable only by its owner', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-sqlite-'));
    dirs.push(dir);
    const filename = path.join(dir, 'data', 'nested', 'comments.sqlite');
    const store = createSqliteCommentStore({ filename });
    try {
      await store.migrate();
      expect(fs.existsSync(filename)).toBe(true);
      expect(fs.statSync(filename).mode & 0o777).toBe(0o600);
      const raw = new Database(filename, { readonly: true });
      try {
        expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual([1, 2, 3, 4]);
      } finally {
        raw.close();
      }
    } finally {
      await store.close();
    }
  });

  it('reports a file it cannot open as unavailable, without a stack of driver detail', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-sqlite-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'not-a-folder'), '');
    expect(() => createSqliteCommentStore({ filename: path.join(dir, 'not-a-folder', 'comments.sqlite') })).toThrow(
      expect.objectContaining({ name: 'CommentStoreError', code: 'unavailable' }),
    );
  });
});
