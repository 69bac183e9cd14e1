import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CommentStoreError } from '@/lib/comments/errors';
import { LATEST_VERSION } from '@/lib/comments/migrations';
import { createPostgresCommentStore } from '@/lib/comments/postgres';
import type { Comment, CommentStore, CommentThreadNode, CreateResult } from '@/lib/comments/store';

import { at, BACKENDS, comment, meta, parsedEdit, type TestDatabase } from './harness';

function created(result: CreateResult): Comment {
  if (result.outcome !== 'created') throw new Error(`expected a new comment, got ${result.outcome}`);
  return result.comment;
}

/** The visible tree as `name@depth` lines in reading order. */
function outline(nodes: CommentThreadNode[]): string[] {
  return nodes.flatMap((node) => [`${node.comment.name}@${node.depth}`, ...outline(node.replies)]);
}

describe.each(BACKENDS)('comment store contract: $name', (backend) => {
  let db: TestDatabase;
  let store: CommentStore;

  beforeEach(async () => {
    db = await backend.create();
    store = db.open();
    await store.migrate();
  });

  afterEach(async () => {
    await db.dispose();
  });

  async function post(overrides: Parameters<typeof comment>[0] = {}, metaOverrides: Parameters<typeof meta>[0] = {}) {
    return created(await store.create(comment(overrides), meta(metaOverrides)));
  }

  async function approved(overrides: Parameters<typeof comment>[0] = {}, metaOverrides: Parameters<typeof meta>[0] = {}) {
    const c = await post(overrides, metaOverrides);
    await store.moderate([c.id], 'approve', 'moderator', at(99_999));
    return c;
  }

  describe('migrations', () => {
    it('bring an empty database to the latest version, and do nothing the second time', async () => {
      const fresh = await backend.create();
      try {
        const first = fresh.open();
        expect(await first.health()).toMatchObject({ ok: false });
        expect(await first.migrate()).toEqual({ applied: [1, 2, 3, 4], version: LATEST_VERSION });
        expect(await first.migrate()).toEqual({ applied: [], version: LATEST_VERSION });
        expect(await fresh.open().migrate()).toEqual({ applied: [], version: LATEST_VERSION });
        expect(await first.health()).toMatchObject({ ok: true, driver: backend.name, schemaVersion: LATEST_VERSION });
      } finally {
        await fresh.dispose();
      }
    });

    it('are applied once when two servers start at the same time', async () => {
      const fresh = await backend.create();
      try {
        const reports = await Promise.all([fresh.open().migrate(), fresh.open().migrate(), fresh.open().migrate()]);
        expect(reports.flatMap((r) => r.applied).sort()).toEqual([1, 2, 3, 4]);
        expect(reports.every((r) => r.version === LATEST_VERSION)).toBe(true);
        const rows = await fresh.query('SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((r) => Number(r.version))).toEqual([1, 2, 3, 4]);
      } finally {
        await fresh.dispose();
      }
    });

    it('upgrade a database at version 1 and keep its comments', async () => {
      const old = await backend.create();
      try {
        const v1 = old.open();
        expect(await v1.migrate({ to: 1 })).toEqual({ applied: [1], version: 1 });
        const time = old.time(at(0));
        await old.query(
          `INSERT INTO comments (article_slug, name, email, email_norm, body, status, status_reason, duplicate_key, created_at, updated_at)
           VALUES ('budget-vote', 'Early Reader', 'early@example.com', 'early@example.com', 'Written before version 2.', 'approved', '', 'k1', ?, ?)`,
          [time, time],
        );
        expect(await v1.migrate()).toEqual({ applied: [2, 3, 4], version: LATEST_VERSION });
        const page = await v1.listApproved('budget-vote');
        expect(page.threads.map((t) => t.comment.body)).toEqual(['Written before version 2.']);
        expect(created(await v1.create(comment(), meta())).status).toBe('held');
      } finally {
        await old.dispose();
      }
    });
  });

  describe('create', () => {
    it('stores a held comment with its reason and a creation event', async () => {
      const result = await store.create(
        comment({ name: 'Amina', email: 'Amina@Example.com', website: 'https://amina.example', body: 'First!' }),
        meta({ statusReason: '2 links', now: at(10) }),
      );
      const c = created(result);
      expect(c).toMatchObject({
        articleSlug: 'budget-vote',
        parentId: null,
        name: 'Amina',
        email: 'Amina@Example.com',
        website: 'https://amina.example',
        body: 'First!',
        status: 'held',
        statusReason: '2 links',
        createdAt: at(10).toISOString(),
        editedAt: null,
      });
      expect(await store.getComment(c.id)).toEqual(c);
      expect(await store.getEvents(c.id)).toEqual([
        expect.objectContaining({ action: 'create', from: null, to: 'held', actor: 'reader', note: '2 links' }),
      ]);
      expect(await store.getComment(c.id + 1000)).toBeNull();
    });

    it('stores a retried submission once and returns the stored comment', async () => {
      const submission = comment();
      const first = created(await store.create(submission, meta({ idempotencyKey: 'same-key', now: at(0) })));
      const retry = await store.create(submission, meta({ idempotencyKey: 'same-key', now: at(1) }));
      expect(retry).toEqual({ outcome: 'duplicate-submission', comment: first });
      const racing = await Promise.all(
        Array.from({ length: 5 }, (_, i) => store.create(comment(), meta({ idempotencyKey: 'raced-key', now: at(100 + i) }))),
      );
      expect(racing.filter((r) => r.outcome === 'created')).toHaveLength(1);
      expect(racing.filter((r) => r.outcome === 'duplicate-submission')).toHaveLength(4);
      expect((await store.listByStatus('held')).total).toBe(2);
    });

    it('lets a form send one comment per sender: a resend is stored once, a second comment is refused, another reader may use it', async () => {
      const form = 'shared-form';
      const first = comment({ email: 'first@example.com', body: 'The first comment sent with this form.' });
      const stored = created(
        await store.create(first, meta({ formKey: form, idempotencyKey: 'first-key', ipHash: 'ip-form-a', now: at(0) })),
      );
      // The same comment again (a retry after a lost answer) is the same comment, not a refusal.
      expect(await store.create(first, meta({ formKey: form, idempotencyKey: 'first-key', ipHash: 'ip-form-a', now: at(60) }))).toEqual({
        outcome: 'duplicate-submission',
        comment: stored,
      });
      // Another comment with the form from the same address, or with the same email from elsewhere, is refused.
      const fromAddress = comment({ email: 'other@example.com', body: 'A second comment from the same address.' });
      expect(await store.create(fromAddress, meta({ formKey: form, ipHash: 'ip-form-a', now: at(120) }))).toEqual({ outcome: 'form-used' });
      const fromEmail = comment({ email: 'FIRST@example.com', body: 'A second comment with the same email.' });
      expect(await store.create(fromEmail, meta({ formKey: form, ipHash: 'ip-form-b', now: at(180) }))).toEqual({ outcome: 'form-used' });
      // A cached page hands the same form to every reader: another reader's comment is stored.
      const otherReader = comment({ email: 'reader-two@example.com', body: 'Another reader, the same cached page.' });
      expect((await store.create(otherReader, meta({ formKey: form, ipHash: 'ip-form-c', now: at(240) }))).outcome).toBe('created');
      // A fresh form sends the refused comment.
      expect((await store.create(fromAddress, meta({ formKey: 'fresh-form', ipHash: 'ip-form-a', now: at(300) }))).outcome).toBe('created');
      expect((await store.listByStatus('held')).total).toBe(3);
    });

    it('moves a renamed article’s comments, replies and history to its new slug, once, and counts comments per article', async () => {
      const parent = await approved({ articleSlug: 'old-rivers' });
      const reply = await approved({ articleSlug: 'old-rivers', parentId: parent.id });
      const older = await post({ articleSlug: 'older-rivers' });
      const elsewhere = await approved({ articleSlug: 'budget-vote' });
      expect(await store.countComments(['old-rivers', 'older-rivers', 'rivers', 'no-comments'])).toEqual(
        new Map([
          ['old-rivers', 2],
          ['older-rivers', 1],
        ]),
      );

      expect(await store.moveArticleComments(['old-rivers', 'older-rivers'], 'rivers')).toEqual({ moved: 3 });
      const page = await store.listApproved('rivers');
      expect(page.commentCount).toBe(2);
      expect(page.threads.map((thread) => [thread.comment.id, thread.replies.map((r) => r.comment.id)])).toEqual([[parent.id, [reply.id]]]);
      expect((await store.getComment(older.id))?.articleSlug).toBe('rivers');
      expect((await store.listApproved('old-rivers')).commentCount).toBe(0);
      // The moderation history stays with each comment.
      expect((await store.getEvents(parent.id)).map((event) => event.to)).toEqual(['held', 'approved']);
      expect((await store.getComment(elsewhere.id))?.articleSlug).toBe('budget-vote');

      // Idempotent: a second call, or a call for an article without old comments, moves nothing.
      expect(await store.moveArticleComments(['old-rivers', 'older-rivers'], 'rivers')).toEqual({ moved: 0 });
      expect(await store.moveArticleComments(['rivers'], 'rivers')).toEqual({ moved: 0 });
      expect(await store.countComments(['rivers'])).toEqual(new Map([['rivers', 3]]));
      expect(await store.countCommentsByArticle()).toEqual(
        new Map([
          ['budget-vote', 1],
          ['rivers', 3],
        ]),
      );
    });

    it('refuses the same text from the same reader on the same article, race-free', async () => {
      await post({ email: 'dup@example.com', body: 'The budget is late.' });
      const again = await store.create(comment({ email: 'DUP@example.com', body: 'the  BUDGET is late.' }), meta());
      expect(again).toEqual({ outcome: 'duplicate-content' });
      // Zero-width characters, a soft hyphen or a tatweel do not make it a new comment either.
      for (const disguised of ['The bud\u200Bget is late.', 'The\u2060 budget is la\u00ADte.', '\uFEFFThe budget is late.']) {
        expect(await store.create(comment({ email: 'dup@example.com', body: disguised }), meta()), disguised).toEqual({
          outcome: 'duplicate-content',
        });
      }
      expect(
        (await store.create(comment({ email: 'dup@example.com', body: 'The budget is late.', articleSlug: 'other' }), meta())).outcome,
      ).toBe('created');
      expect((await store.create(comment({ email: 'else@example.com', body: 'The budget is late.' }), meta())).outcome).toBe('created');
      const racing = await Promise.all(
        Array.from({ length: 6 }, () => store.create(comment({ email: 'race@example.com', body: 'Same words.' }), meta())),
      );
      expect(racing.filter((r) => r.outcome === 'created')).toHaveLength(1);
      expect(racing.filter((r) => r.outcome === 'duplicate-content')).toHaveLength(5);
    });

    it('allows one comment per 15 seconds per IP hash and per email, without storing the refused one', async () => {
      await post({ email: 'a@example.com' }, { ipHash: 'ip-A', now: at(0) });
      expect(await store.create(comment({ email: 'b@example.com' }), meta({ ipHash: 'ip-A', now: at(5) }))).toEqual({
        outcome: 'flood',
        limitedBy: 'ip',
        retryAfterSeconds: 10,
      });
      expect(await store.create(comment({ email: 'A@example.com' }), meta({ ipHash: 'ip-B', now: at(14) }))).toEqual({
        outcome: 'flood',
        limitedBy: 'email',
        retryAfterSeconds: 1,
      });
      // The refused attempts did not move the window.
      expect((await store.create(comment({ email: 'b@example.com' }), meta({ ipHash: 'ip-A', now: at(15) }))).outcome).toBe('created');
      expect((await store.create(comment({ email: 'a@example.com' }), meta({ ipHash: 'ip-C', now: at(16) }))).outcome).toBe('created');
      // Without an IP hash only the email rule applies.
      expect((await store.create(comment(), meta({ ipHash: null, now: at(16) }))).outcome).toBe('created');
      expect((await store.listByStatus('held')).total).toBe(4);
    });

    it('lets exactly one of many simultaneous comments from one address through', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.create(comment(), meta({ ipHash: 'ip-busy', now: at(500) }))),
      );
      expect(results.filter((r) => r.outcome === 'created')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'flood')).toHaveLength(9);
      expect((await store.listByStatus('held')).total).toBe(1);
    });

    it('refuses replies to a missing, foreign or unapproved comment', async () => {
      expect(await store.create(comment({ parentId: 999_999 }), meta())).toEqual({ outcome: 'parent-not-found' });
      const elsewhere = await approved({ articleSlug: 'other-story' });
      expect(await store.create(comment({ parentId: elsewhere.id }), meta())).toEqual({ outcome: 'parent-not-found' });
      const held = await post();
      expect(await store.create(comment({ parentId: held.id }), meta())).toEqual({ outcome: 'parent-not-approved' });
      await store.moderate([held.id], 'approve', 'moderator');
      expect(created(await store.create(comment({ parentId: held.id }), meta())).parentId).toBe(held.id);
    });

    it('keeps 50 simultaneous comments, each once', async () => {
      const results = await Promise.all(Array.from({ length: 50 }, () => store.create(comment(), meta())));
      const ids = results.map((r) => created(r).id);
      expect(new Set(ids).size).toBe(50);
      const list = await store.listByStatus('held', { limit: 500 });
      expect(list.total).toBe(50);
      expect(list.comments.map((c) => c.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    });

    it('round-trips SQL metacharacters and Arabic-script text byte for byte', async () => {
      const name = "Robert'); DROP TABLE comments;-- احمد شاه";
      const body = [
        "' OR '1'='1'; -- /* */ \\ \\' \"quoted\" %_ $1 ? :name @p0 `tick` \\x00 ;",
        'نظر من درباره‌ی «بودجه»: می‌خواهم بدانم چرا ۱۲۳ میلیون افغانی؟',
        'زه غواړم پوه شم — اردو: میں جاننا چاہتا ہوں',
        'tab\tand\nnew line, emoji 👩🏽‍💻 and 𝒜',
      ].join('\n');
      const website = "https://example.com/path?q=%27%22&x=';--";
      const c = created(await store.create(comment({ name, body, website }), meta()));
      const stored = await store.getComment(c.id);
      expect(Buffer.from(stored?.name ?? '').equals(Buffer.from(name))).toBe(true);
      expect(Buffer.from(stored?.body ?? '').equals(Buffer.from(body))).toBe(true);
      expect(stored?.website).toBe(website);
      await store.moderate([c.id], 'approve', 'moderator');
      const page = await store.listApproved('budget-vote');
      expect(page.threads[0]?.comment.body).toBe(body);
      expect(await store.countApproved('budget-vote')).toBe(1);
    });
  });

  describe('listApproved', () => {
    it('lists approved threads oldest first, ties by id, nesting to depth 3 and no deeper', async () => {
      const a = await approved({ name: 'A' }, { now: at(100) });
      const b = await approved({ name: 'B' }, { now: at(50) });
      const c = await approved({ name: 'C' }, { now: at(100) });
      await post({ name: 'Held' }, { now: at(10) });
      const a1 = await approved({ name: 'A1', parentId: a.id }, { now: at(200) });
      const a1a = await approved({ name: 'A1a', parentId: a1.id }, { now: at(300) });
      // Replies to a third-level comment are kept with their true parent and shown after it.
      const deep = await approved({ name: 'A1a-x', parentId: a1a.id }, { now: at(400) });
      await approved({ name: 'A1a-x-y', parentId: deep.id }, { now: at(450) });
      await approved({ name: 'A1b', parentId: a1.id }, { now: at(420) });
      await approved({ name: 'A2', parentId: a.id }, { now: at(250) });
      await post({ name: 'HeldReply', parentId: a.id }, { now: at(260) });

      const page = await store.listApproved('budget-vote');
      expect(outline(page.threads)).toEqual(['B@1', 'A@1', 'A1@2', 'A1a@3', 'A1a-x@3', 'A1a-x-y@3', 'A1b@3', 'A2@2', 'C@1']);
      expect(page).toMatchObject({ page: 1, totalPages: 1, threadCount: 3, commentCount: 9, threadsPerPage: 50 });
      const a1Node = page.threads[1]?.replies[0];
      expect(a1Node?.replies.map((n) => [n.comment.name, n.replyTo?.name, n.replies.length])).toEqual([
        ['A1a', 'A1', 0],
        ['A1a-x', 'A1a', 0],
        ['A1a-x-y', 'A1a-x', 0],
        ['A1b', 'A1', 0],
      ]);
      expect((await store.getComment(deep.id))?.parentId).toBe(a1a.id);
      expect(JSON.stringify(page)).not.toContain('@example.com');
      expect(a.id).toBeLessThan(c.id);
      expect(b.id).toBeLessThan(c.id);
    });

    it('hides the conversation under a comment that is no longer approved, until it is restored', async () => {
      const root = await approved({ name: 'Root' });
      const reply = await approved({ name: 'Reply', parentId: root.id });
      await approved({ name: 'Answer', parentId: reply.id });
      expect(await store.countApproved('budget-vote')).toBe(3);
      await store.moderate([reply.id], 'trash', 'moderator');
      expect(outline((await store.listApproved('budget-vote')).threads)).toEqual(['Root@1']);
      expect(await store.countApproved('budget-vote')).toBe(1);
      expect(await store.getApprovedComment('budget-vote', reply.id)).toBeNull();
      await store.moderate([reply.id], 'restore', 'moderator');
      expect(await store.countApproved('budget-vote')).toBe(3);
      expect(await store.getApprovedComment('budget-vote', reply.id)).toEqual(
        expect.objectContaining({ id: reply.id, name: 'Reply', parentId: root.id }),
      );
      expect(await store.getApprovedComment('budget-vote', reply.id)).not.toHaveProperty('email');
      expect(await store.getApprovedComment('other-story', reply.id)).toBeNull();
    });

    it('pages by 50 top-level threads', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 120; i += 1) ids.push((await post({ name: `T${i}` }, { now: at(1000 + i) })).id);
      await store.moderate(ids, 'approve', 'moderator');
      await approved({ name: 'reply-on-page-3', parentId: ids[119] });
      const first = await store.listApproved('budget-vote', { page: 1 });
      const third = await store.listApproved('budget-vote', { page: 3 });
      expect(first).toMatchObject({ totalPages: 3, threadCount: 120, commentCount: 121 });
      expect(first.threads.map((t) => t.comment.name)).toEqual(Array.from({ length: 50 }, (_, i) => `T${i}`));
      expect(third.threads).toHaveLength(20);
      expect(third.threads.at(-1)?.replies.map((r) => r.comment.name)).toEqual(['reply-on-page-3']);
      expect((await store.listApproved('budget-vote', { page: 4 })).threads).toEqual([]);
      expect(await store.listApproved('no-comments-yet')).toMatchObject({ totalPages: 1, threadCount: 0, commentCount: 0, threads: [] });
      await expect(store.listApproved('budget-vote', { page: 0 })).rejects.toMatchObject({ code: 'invalid' });
    });
  });

  describe('moderation', () => {
    it('moves comments between states, undoes the last change and records every change', async () => {
      const c = await post({}, { now: at(0) });
      const approve = await store.moderate([c.id], 'approve', 'editor-1', at(10));
      expect(approve).toEqual({
        changed: [{ id: c.id, articleSlug: 'budget-vote', from: 'held', to: 'approved' }],
        unchanged: [],
        notFound: [],
        articleSlugs: ['budget-vote'],
      });
      expect((await store.moderate([c.id], 'approve', 'editor-1', at(11))).unchanged).toEqual([c.id]);
      expect((await store.moderate([c.id], 'spam', 'editor-2', at(20))).articleSlugs).toEqual(['budget-vote']);
      expect((await store.moderate([c.id], 'restore', 'editor-1', at(30))).changed).toEqual([
        { id: c.id, articleSlug: 'budget-vote', from: 'spam', to: 'approved' },
      ]);
      // Restoring again undoes the restore.
      expect((await store.moderate([c.id], 'restore', 'editor-1', at(40))).changed[0]?.to).toBe('spam');
      await store.moderate([c.id], 'trash', 'editor-2', at(50));
      await store.moderate([c.id], 'hold', 'editor-2', at(60));
      expect((await store.getComment(c.id))?.status).toBe('held');
      const events = await store.getEvents(c.id);
      expect(events.map((e) => [e.action, e.from, e.to, e.actor, e.at])).toEqual([
        ['create', null, 'held', 'reader', at(0).toISOString()],
        ['approve', 'held', 'approved', 'editor-1', at(10).toISOString()],
        ['spam', 'approved', 'spam', 'editor-2', at(20).toISOString()],
        ['restore', 'spam', 'approved', 'editor-1', at(30).toISOString()],
        ['restore', 'approved', 'spam', 'editor-1', at(40).toISOString()],
        ['trash', 'spam', 'trash', 'editor-2', at(50).toISOString()],
        ['hold', 'trash', 'held', 'editor-2', at(60).toISOString()],
      ]);
      expect((await store.getComment(c.id))?.updatedAt).toBe(at(60).toISOString());
    });

    it('acts on many comments at once and names only the pages that change', async () => {
      const one = await post({ articleSlug: 'story-one' });
      const two = await post({ articleSlug: 'story-two' });
      const three = await post({ articleSlug: 'story-two' });
      const fresh = await post({ articleSlug: 'story-three' });
      expect(await store.moderate([fresh.id], 'restore', 'moderator')).toMatchObject({ unchanged: [fresh.id], changed: [] });
      const result = await store.moderate([three.id, one.id, two.id, 424_242], 'approve', 'moderator');
      expect(result.changed.map((c) => c.id)).toEqual([one.id, two.id, three.id]);
      expect(result.notFound).toEqual([424_242]);
      expect(result.articleSlugs).toEqual(['story-one', 'story-two']);
      expect((await store.moderate([fresh.id], 'spam', 'moderator')).articleSlugs).toEqual([]);
      await expect(store.moderate([one.id], 'delete' as never, 'moderator')).rejects.toMatchObject({ code: 'invalid' });
      await expect(store.moderate([one.id], 'approve', '  ')).rejects.toMatchObject({ code: 'invalid' });
    });

    it('counts and lists comments by state, newest first', async () => {
      const old = await post({ articleSlug: 'story-one' }, { now: at(1) });
      const mid = await post({ articleSlug: 'story-two' }, { now: at(2) });
      const recent = await post({ articleSlug: 'story-one' }, { now: at(3) });
      const spam = await post({ articleSlug: 'story-one' }, { now: at(4), status: 'spam', statusReason: 'honeypot' });
      await store.moderate([mid.id], 'approve', 'moderator');
      const held = await store.listByStatus('held');
      expect(held.comments.map((c) => c.id)).toEqual([recent.id, old.id]);
      expect(held.counts).toEqual({ held: 2, approved: 1, spam: 1, trash: 0 });
      expect(held.total).toBe(2);
      expect((await store.listByStatus('held', { limit: 1, offset: 1 })).comments.map((c) => c.id)).toEqual([old.id]);
      const one = await store.listByStatus('spam', { articleSlug: 'story-one' });
      expect(one.comments.map((c) => [c.id, c.statusReason])).toEqual([[spam.id, 'honeypot']]);
      expect(one.counts).toEqual({ held: 2, approved: 0, spam: 1, trash: 0 });
    });

    it('edits with the reader rules and records who edited which fields', async () => {
      const c = await approved({ name: 'Typo Name', body: 'Orginal text' });
      const edit = await store.edit(c.id, parsedEdit({ name: '  Fixed Name ', comment: 'Original \u202Etext\u202C' }), 'editor-1', at(70));
      expect(edit).toMatchObject({
        outcome: 'edited',
        comment: { name: 'Fixed Name', body: 'Original text', editedAt: at(70).toISOString(), email: c.email },
        articleSlugs: ['budget-vote'],
      });
      expect((await store.getEvents(c.id)).at(-1)).toMatchObject({
        action: 'edit',
        from: 'approved',
        to: 'approved',
        actor: 'editor-1',
        note: 'name, body',
      });
      expect(await store.edit(999_999, parsedEdit({ comment: 'x' }), 'editor-1')).toEqual({ outcome: 'not-found' });
      const cleared = await store.edit(c.id, parsedEdit({ website: '' }), 'editor-1');
      expect(cleared.outcome === 'edited' && cleared.comment.website).toBeNull();
    });
  });

  describe("a reader's data", () => {
    it('exports every comment of an address as plain data', async () => {
      const first = await approved({ email: 'Zahra@Example.com', name: 'Zahra', body: 'One' }, { now: at(1) });
      await post({ email: 'zahra@example.com', name: 'Zahra', body: 'Two', articleSlug: 'other-story' }, { now: at(100) });
      await post({ email: 'someone@example.com', body: 'Not hers' });
      const data = await store.exportByEmail(' zahra@example.COM ');
      expect(data.email).toBe('zahra@example.COM');
      expect(data.comments.map((c) => [c.body, c.email, c.status])).toEqual([
        ['One', 'Zahra@Example.com', 'approved'],
        ['Two', 'zahra@example.com', 'held'],
      ]);
      expect(data.comments[0]).toMatchObject({ id: first.id, ipHash: expect.any(String) });
      expect(data.comments[0]?.history.map((h) => h.action)).toEqual(['create', 'approve']);
      expect(JSON.stringify(data)).not.toContain('moderator');
      expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    });

    it('erases them with their history and moves other readers’ replies up', async () => {
      const top = await approved({ name: 'Other top', email: 'top@example.com' });
      const hers = await approved({ name: 'Hers', email: 'leaving@example.com', parentId: top.id });
      const reply = await approved({ name: 'Reply to hers', email: 'stays@example.com', parentId: hers.id });
      const ownReply = await approved({ name: 'Her own reply', email: 'LEAVING@example.com', parentId: reply.id });
      const lone = await approved({ name: 'Her thread', email: 'leaving@example.com', articleSlug: 'other-story' });
      const answer = await approved({ name: 'Answer', email: 'stays2@example.com', parentId: lone.id, articleSlug: 'other-story' });
      const last = await post({ email: 'leaving@example.com', body: 'Held one' });

      const result = await store.eraseByEmail('Leaving@Example.com');
      expect(result).toEqual({ erased: 4, reparented: 2, articleSlugs: ['budget-vote', 'other-story'] });
      for (const id of [hers.id, ownReply.id, lone.id]) {
        expect(await store.getComment(id)).toBeNull();
        expect(await store.getEvents(id)).toEqual([]);
      }
      expect((await store.exportByEmail('leaving@example.com')).comments).toEqual([]);
      expect((await store.getComment(reply.id))?.parentId).toBe(top.id);
      expect((await store.getComment(answer.id))?.parentId).toBeNull();
      expect(outline((await store.listApproved('budget-vote')).threads)).toEqual(['Other top@1', 'Reply to hers@2']);
      expect(outline((await store.listApproved('other-story')).threads)).toEqual(['Answer@1']);
      const rows = await db.query("SELECT count(*) AS n FROM comments WHERE email_norm = 'leaving@example.com'");
      expect(Number(rows[0]?.n)).toBe(0);
      // Nothing is left to slow a returning reader down.
      const soon = new Date(Date.parse(last.createdAt) + 1_000);
      expect((await store.create(comment({ email: 'leaving@example.com' }), meta({ now: soon }))).outcome).toBe('created');
      expect(await store.eraseByEmail('nobody@example.com')).toEqual({ erased: 0, reparented: 0, articleSlugs: [] });
    });
  });

  describe('flood records', () => {
    it('forget a sender a day after their last comment', async () => {
      await post({ email: 'old@example.com' }, { ipHash: 'ip-old', now: at(0) });
      const later = at(10 * 24 * 3_600);
      // Stale records are cleared every hundredth comment.
      for (let i = 0; i < 99; i += 1) await post({}, { now: new Date(later.getTime() + i * 1_000) });
      const old = await db.query("SELECT count(*) AS n FROM comment_rate WHERE (kind = 'ip' AND sender = 'ip-old') OR last_at < ?", [
        db.time(new Date(later.getTime() - 1)),
      ]);
      expect(Number(old[0]?.n)).toBe(0);
      const kept = await db.query('SELECT count(*) AS n FROM comment_rate');
      expect(Number(kept[0]?.n)).toBe(99 * 2);
    });
  });

  describe('moderator sign-in', () => {
    it('refuses a sixth wrong password from one address within 15 minutes, and counts attempts sent at once one by one', async () => {
      const attempts = await Promise.all(Array.from({ length: 8 }, () => store.beginSignIn('ip-brute', at(0))));
      expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(5);
      const refused = attempts.find((attempt) => !attempt.allowed);
      expect(refused).toMatchObject({ allowed: false, scope: 'address' });
      expect(refused && !refused.allowed && Math.round(refused.retryAfterMs / 60_000)).toBe(15);
      // Another address still may; the first opens again after the window.
      expect(await store.beginSignIn('ip-other', at(60))).toMatchObject({ allowed: true });
      expect(await store.beginSignIn('ip-brute', at(15 * 60 + 1))).toMatchObject({ allowed: true });
    });

    it('stops everyone after 50 wrong passwords from many addresses, and forgets an address’s failures when it signs in', async () => {
      for (let i = 0; i < 50; i += 1) expect(await store.beginSignIn(`ip-${i}`, at(i))).toMatchObject({ allowed: true });
      expect(await store.beginSignIn('ip-new', at(60))).toMatchObject({ allowed: false, scope: 'overall' });
      const fresh = await backend.create();
      try {
        const other = fresh.open();
        await other.migrate();
        for (let i = 0; i < 4; i += 1) await other.beginSignIn('ip-desk', at(i));
        const right = await other.beginSignIn('ip-desk', at(10));
        if (!right.allowed) throw new Error('expected the fifth attempt to be allowed');
        await other.signInSucceeded(right.attemptId, 'ip-desk', at(11));
        expect(await other.beginSignIn('ip-desk', at(12))).toMatchObject({ allowed: true, failuresFromAddress: 0 });
      } finally {
        await fresh.dispose();
      }
    });

    it('remembers a revoked session, from any connection to the store', async () => {
      const id = 'session-id-aaaaaaaaaaaa';
      expect(await store.isSessionRevoked(id)).toBe(false);
      await store.revokeSession(id, at(8 * 3_600));
      await store.revokeSession(id, at(8 * 3_600));
      expect(await db.open().isSessionRevoked(id)).toBe(true);
    });
  });

  describe('failures', () => {
    it('answers busy, not a crash, when the database stays locked', async () => {
      const locked = db.open({ lockTimeoutMs: 200 });
      const release = await db.lockWrites();
      try {
        const error = await locked.create(comment({ email: 'private@example.com' }), meta()).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CommentStoreError);
        expect(error).toMatchObject({ code: 'busy', retryable: true });
        expect(JSON.stringify([(error as Error).message, (error as CommentStoreError).details])).not.toContain('private@example.com');
      } finally {
        await release();
      }
      expect((await locked.create(comment(), meta())).outcome).toBe('created');
    });
  });
});

describe('PostgreSQL store without a server', () => {
  it('reports unavailable in health and as a typed error', async () => {
    const store = createPostgresCommentStore({ connectionString: 'postgresql://postgres@127.0.0.1:1/none', lockTimeoutMs: 500 });
    try {
      expect(await store.health()).toMatchObject({ ok: false, driver: 'postgres' });
      await expect(store.create(comment({ email: 'hidden@example.com' }), meta())).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      await store.close();
    }
  });
});
