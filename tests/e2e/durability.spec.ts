import { expect, test } from '@playwright/test';

import { readFormOutcome, type CommentForm } from './support/form';
import { mainServerDatabase, TestServer } from './support/server';
import {
  commentForm,
  isAcknowledged,
  openDatabase,
  runTag,
  storedByEmail,
  storedWhereBodyStarts,
  submit,
  uniqueIp,
} from './support/submissions';

// No accepted comment is ever lost: every submission the server acknowledged
// ("Your comment is awaiting moderation.") is in the database exactly once.

const ARTICLES = [
  'how-pakistans-armed-forces-are-organised',
  'salang-pass-winter-maintenance',
  'what-happens-when-returnees-cross-the-border',
];

type Submission = {
  key: string;
  slug: string;
  email: string;
  body: string;
  ip: string;
  /** The client that sent it, whose form a resend uses. */
  client: number;
  /** Every HTTP status the server answered this submission with. */
  statuses: number[];
  acknowledged: boolean;
  /** The form's message of the last answer that did not acknowledge it (kept for the first few of a round only). */
  answer?: string;
};

function makeSubmission(tag: string, index: number, prefix: string, client: number): Submission {
  const slug = ARTICLES[index % ARTICLES.length] ?? ARTICLES[0]!;
  return {
    key: `${tag}-${index}`,
    slug,
    email: `durable-${tag}-${index}@example.test`,
    body: `${prefix} ${tag} #${index}: turnout figures by province, with a note on the rural count.`,
    ip: uniqueIp(),
    client,
    statuses: [],
    acknowledged: false,
  };
}

async function post(
  baseURL: string,
  form: CommentForm & { readyAt: number },
  submission: Submission,
  options: { signal?: AbortSignal; keepAnswer?: () => boolean } = {},
): Promise<void> {
  const result = await submit(
    baseURL,
    form,
    { name: `Durable reader ${submission.key}`, email: submission.email, comment: submission.body, website: '' },
    { ip: submission.ip, signal: options.signal },
  );
  submission.statuses.push(result.status);
  if (isAcknowledged(result)) submission.acknowledged = true;
  else if (options.keepAnswer?.()) submission.answer = readFormOutcome(result.html).message || result.html.slice(0, 300);
}

/** What a round that saw no acknowledgment was answered, and what the server logged meanwhile. */
function explainSilentRound(round: number, batch: Submission[], server: { running: boolean; log: string }, logFrom: number): string {
  const statuses = new Map<string, number>();
  for (const submission of batch) {
    const key = submission.statuses.join('/') || 'none';
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  }
  const kept = new Map<string, string[]>();
  for (const submission of batch) {
    if (submission.answer === undefined) continue;
    kept.set(submission.answer, [...(kept.get(submission.answer) ?? []), submission.key]);
  }
  const answers = [...kept].map(([answer, keys]) => `  ×${keys.length} (${keys.slice(0, 3).join(', ')}…): ${answer}`).join('\n');
  return (
    `SIGKILL round ${round}: no acknowledgment within 30 s of ${batch.length} posts; the server process ${server.running ? 'runs' : 'has exited'}; ` +
    `statuses ${[...statuses].map(([key, count]) => `${key} ×${count}`).join(', ')}\n` +
    `answers (the first 20 kept):\n${answers || '  (none kept)'}\n` +
    `server log since its restart:\n${server.log.slice(logFrom).slice(-6_000)}`
  );
}

/** One form (with a fresh token) per article and client; a token stays valid for hours and across restarts. */
async function formsFor(baseURL: string, clients: number): Promise<Array<Record<string, CommentForm & { readyAt: number }>>> {
  return Promise.all(
    Array.from({ length: clients }, async () => {
      const forms: Record<string, CommentForm & { readyAt: number }> = {};
      for (const slug of ARTICLES) forms[slug] = await commentForm(baseURL, slug);
      return forms;
    }),
  );
}

test.describe('durability', () => {
  test('500 submissions from 20 concurrent clients: each acknowledged one stored exactly once, no 5xx', async ({ baseURL }) => {
    test.setTimeout(180_000);
    const tag = runTag();
    const prefix = 'Concurrency check';
    const clients = 20;
    const perClient = 25;
    const forms = await formsFor(baseURL!, clients);
    const submissions = Array.from({ length: clients * perClient }, (_, i) => makeSubmission(tag, i, prefix, Math.floor(i / perClient)));

    const started = Date.now();
    await Promise.all(
      forms.map(async (clientForms, client) => {
        for (let n = 0; n < perClient; n += 1) {
          const submission = submissions[client * perClient + n]!;
          try {
            await post(baseURL!, clientForms[submission.slug]!, submission);
          } catch {
            submission.statuses.push(0);
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;

    const db = openDatabase(mainServerDatabase());
    let storedOnce = 0;
    let storedTwice = 0;
    try {
      for (const submission of submissions) {
        const rows = storedByEmail(db, submission.email);
        if (rows.length === 1 && rows[0]?.body === submission.body && rows[0].article_slug === submission.slug) storedOnce += 1;
        if (rows.length > 1) storedTwice += 1;
        if (submission.acknowledged) expect(rows, `${submission.key} stored exactly once`).toHaveLength(1);
      }
      const stored = storedWhereBodyStarts(db, `${prefix} ${tag} `).length;
      const sent = submissions.length;
      const acknowledged = submissions.filter((s) => s.acknowledged).length;
      const serverErrors = submissions.filter((s) => s.statuses.some((status) => status >= 500)).length;
      const failed = submissions.filter((s) => !s.acknowledged);
      console.log(
        `durability (${clients} concurrent clients, ${seconds.toFixed(1)} s): sent ${sent}, acknowledged ${acknowledged}, ` +
          `stored ${stored} (exactly once: ${storedOnce}, more than once: ${storedTwice}), 5xx ${serverErrors}`,
      );
      if (failed.length > 0)
        console.log(
          `not acknowledged: ${failed
            .slice(0, 10)
            .map((s) => `${s.key}=${s.statuses.join('/')}`)
            .join(', ')}`,
        );
      expect(serverErrors).toBe(0);
      expect(acknowledged).toBe(sent);
      expect(stored).toBe(acknowledged);
      expect(storedTwice).toBe(0);
    } finally {
      db.close();
    }
  });

  test('SIGKILL at a random moment while clients post, 10 times: acknowledged comments survive exactly once, integrity ok', async () => {
    // Ten restarts of a production server: minutes on a loaded 2-core machine. What is tested is
    // that nothing acknowledged is lost, not how fast the rounds go.
    test.setTimeout(480_000);
    const tag = runTag();
    const prefix = 'Crash check';
    const clients = 10;
    const rounds = 10;
    const server = await TestServer.start();
    const submissions: Submission[] = [];
    const totals = { sent: 0, acknowledged: 0, interrupted: 0 };

    try {
      const forms = await formsFor(server.baseURL, clients);
      for (let round = 1; round <= rounds; round += 1) {
        const logFrom = server.log.length;
        if (!server.running) await server.restart();
        // A restarted server is killed while it serves, not while it loads its first route.
        await Promise.all(ARTICLES.map(async (slug) => (await fetch(`${server.baseURL}/articles/${slug}`)).arrayBuffer()));
        const killAfter = Math.floor(Math.random() * 1_500);
        const before = submissions.length;
        let killed = false;
        const abort = new AbortController();
        let firstAcknowledged: () => void = () => undefined;
        let sawAcknowledgment = false;
        const serving = new Promise<void>((resolve) => (firstAcknowledged = resolve));
        let answersKept = 0;
        const keepAnswer = () => !sawAcknowledgment && (answersKept += 1) <= 20;

        const posting = Promise.all(
          forms.map(async (clientForms, client) => {
            while (!killed) {
              const submission = makeSubmission(tag, submissions.length, prefix, client);
              submissions.push(submission);
              try {
                await post(server.baseURL, clientForms[submission.slug]!, submission, { signal: abort.signal, keepAnswer });
                if (submission.acknowledged) {
                  sawAcknowledgment = true;
                  firstAcknowledged();
                }
              } catch (error) {
                // The connection died with the server: not acknowledged.
                submission.statuses.push(0);
                if (keepAnswer()) submission.answer = String((error as Error).cause ?? error);
              }
            }
          }),
        );
        // The kill falls at a random moment once the server is answering: a cold server that
        // has not yet loaded the comment action would only ever be killed before any write.
        await Promise.race([serving, new Promise((resolve) => setTimeout(resolve, 30_000))]);
        // A silent round explains itself: what the posts were answered and what the server logged.
        if (!sawAcknowledgment) console.log(explainSilentRound(round, submissions.slice(before), server, logFrom));
        await new Promise((resolve) => setTimeout(resolve, killAfter));
        killed = true;
        await server.kill();
        abort.abort();
        await posting;

        const batch = submissions.slice(before);
        const acknowledged = batch.filter((s) => s.acknowledged).length;
        totals.sent += batch.length;
        totals.acknowledged += acknowledged;
        totals.interrupted += batch.length - acknowledged;
        expect(batch.every((s) => s.statuses.every((status) => status < 500))).toBe(true);
        console.log(
          `SIGKILL round ${round}, ${killAfter} ms after the first acknowledgment: sent ${batch.length}, acknowledged ${acknowledged}, cut off ${batch.length - acknowledged}`,
        );

        // Right after the kill, before any restart: the file as the crash left it.
        const db = openDatabase(server.database, { readonly: false });
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          for (const submission of batch.filter((s) => s.acknowledged)) {
            expect(storedByEmail(db, submission.email), `${submission.key} stored exactly once`).toHaveLength(1);
          }
        } finally {
          db.close();
        }
      }

      // A reader whose submission was cut off sends the same form again (same token, same fields):
      // it is stored once, never twice, whether or not the first attempt reached the database.
      const retried = submissions.filter((s) => !s.acknowledged);
      const crashDb = openDatabase(server.database, { readonly: false });
      const committedUnanswered = retried.filter((s) => storedByEmail(crashDb, s.email).length === 1).length;
      crashDb.close();
      await server.restart();
      for (const submission of retried) {
        await post(server.baseURL, forms[submission.client]![submission.slug]!, submission);
      }
      await server.stop();

      const db = openDatabase(server.database, { readonly: false });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        let once = 0;
        for (const submission of submissions) {
          const rows = storedByEmail(db, submission.email);
          expect(rows, `${submission.key} stored exactly once`).toHaveLength(1);
          if (rows.length === 1) once += 1;
        }
        const stored = storedWhereBodyStarts(db, `${prefix} ${tag} `).length;
        console.log(
          `SIGKILL total over ${rounds} rounds: sent ${totals.sent}, acknowledged ${totals.acknowledged}, cut off ${totals.interrupted} ` +
            `(${committedUnanswered} of them committed before the kill, their answer lost); ` +
            `after resending the cut-off ones: acknowledged ${submissions.filter((s) => s.acknowledged).length}, stored ${stored} ` +
            `(each exactly once: ${once}), integrity_check ok`,
        );
        expect(submissions.every((s) => s.acknowledged)).toBe(true);
        expect(stored).toBe(submissions.length);
      } finally {
        db.close();
      }
    } finally {
      await server.dispose();
    }
  });
});
