import 'server-only';

import { COMMENT_STATUSES, MODERATION_ACTIONS, type CommentStatus, type ModerationAction } from '@/lib/comments';
import { isSlug, MODERATION_PATH } from '@/lib/routes';

// What the moderation forms send and the pages read from their addresses,
// parsed strictly: everything here comes from the browser.

export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_PAGE_SIZE_MAX = 200;
const MAX_IDS = 1_000;

type SearchParams = Record<string, string | string[] | undefined>;

export type QueueQuery = { status: CommentStatus; article: string | null; page: number; per: number };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function positive(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return fallback;
  const number = Number(value);
  return number >= 1 ? Math.min(number, max) : fallback;
}

export function parseQueueQuery(params: SearchParams): QueueQuery {
  const status = first(params.status);
  const article = first(params.article)?.trim() ?? '';
  return {
    status: COMMENT_STATUSES.includes(status as CommentStatus) ? (status as CommentStatus) : 'held',
    article: isSlug(article) ? article : null,
    page: positive(first(params.page), 1, 100_000),
    per: positive(first(params.per), QUEUE_PAGE_SIZE, QUEUE_PAGE_SIZE_MAX),
  };
}

export function queueHref(query: Partial<QueueQuery>): string {
  const params = new URLSearchParams();
  if (query.status && query.status !== 'held') params.set('status', query.status);
  if (query.article) params.set('article', query.article);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  if (query.per && query.per !== QUEUE_PAGE_SIZE) params.set('per', String(query.per));
  const search = params.toString();
  return search ? `${MODERATION_PATH}?${search}` : MODERATION_PATH;
}

export function parseCommentId(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export type ModerationRequest = { action: ModerationAction; ids: number[] } | { problem: 'no-selection' | 'bad-request' };

const isAction = (value: unknown): value is ModerationAction => MODERATION_ACTIONS.includes(value as ModerationAction);

/**
 * One form serves both ways of acting: a button on one comment sends
 * `one=<action>:<id>`; the bulk button sends `bulkAction` with the ticked `ids`.
 */
export function parseModerationRequest(form: FormData): ModerationRequest {
  const one = form.get('one');
  if (typeof one === 'string' && one !== '') {
    const [action, id] = one.split(':');
    const parsed = parseCommentId(id);
    return isAction(action) && parsed !== null ? { action, ids: [parsed] } : { problem: 'bad-request' };
  }
  const action = form.get('bulkAction');
  if (!isAction(action)) return { problem: 'bad-request' };
  const raw = form.getAll('ids');
  if (raw.length > MAX_IDS) return { problem: 'bad-request' };
  const ids = raw.map(parseCommentId);
  if (ids.some((id) => id === null)) return { problem: 'bad-request' };
  if (ids.length === 0) return { problem: 'no-selection' };
  return { action, ids: [...new Set(ids as number[])] };
}

// Only moderation pages: a form cannot send the moderator anywhere else.
const RETURN_TO = /^\/moderation(?:\/comments\/\d{1,15})?(?:\?[A-Za-z0-9=&%._-]{0,500})?$/;

export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && RETURN_TO.test(value) ? value : MODERATION_PATH;
}

export type Notice = {
  done?: ModerationAction | 'edit' | 'login' | 'logout';
  changed?: number;
  unchanged?: number;
  notFound?: number;
  error?: 'refused' | 'login' | 'locked' | 'no-selection' | 'bad-request' | 'not-found' | 'busy' | 'unavailable';
  /** With `locked`: minutes until sign-in opens again. */
  minutes?: number;
};

const NOTICE_KEYS = ['done', 'n', 'u', 'nf', 'error', 'm'] as const;

/** `path` with the notice in its query, replacing an earlier notice. */
export function withNotice(path: string, notice: Notice): string {
  const url = new URL(path, 'http://moderation.invalid');
  for (const key of NOTICE_KEYS) url.searchParams.delete(key);
  if (notice.done) url.searchParams.set('done', notice.done);
  if (notice.changed !== undefined) url.searchParams.set('n', String(notice.changed));
  if (notice.unchanged) url.searchParams.set('u', String(notice.unchanged));
  if (notice.notFound) url.searchParams.set('nf', String(notice.notFound));
  if (notice.error) url.searchParams.set('error', notice.error);
  if (notice.minutes) url.searchParams.set('m', String(notice.minutes));
  return `${url.pathname}${url.search}`;
}

const DONE = [...MODERATION_ACTIONS, 'edit', 'login', 'logout'] as const;
const ERRORS = ['refused', 'login', 'locked', 'no-selection', 'bad-request', 'not-found', 'busy', 'unavailable'] as const;

export function readNotice(params: SearchParams): Notice {
  const count = (value: string | undefined) => (value && /^\d{1,6}$/.test(value) ? Number(value) : undefined);
  const done = first(params.done);
  const error = first(params.error);
  return {
    done: DONE.includes(done as (typeof DONE)[number]) ? (done as Notice['done']) : undefined,
    changed: count(first(params.n)),
    unchanged: count(first(params.u)),
    notFound: count(first(params.nf)),
    error: ERRORS.includes(error as (typeof ERRORS)[number]) ? (error as Notice['error']) : undefined,
    minutes: count(first(params.m)),
  };
}

const PAST: Record<NonNullable<Notice['done']>, string> = {
  approve: 'approved',
  spam: 'marked as spam',
  trash: 'moved to the trash',
  hold: 'held for moderation',
  restore: 'restored to the state before their last change',
  edit: 'saved',
  login: 'signed in',
  logout: 'signed out',
};

const ERROR_TEXT: Record<NonNullable<Notice['error']>, string> = {
  refused: 'That request was refused: sign in and use the buttons on this page.',
  login: 'That password is not right.',
  locked: 'Too many sign-in attempts with a wrong password. Try again later.',
  'no-selection': 'Select at least one comment first.',
  'bad-request': 'That request could not be understood. Nothing was changed.',
  'not-found': 'That comment does not exist (any more).',
  busy: 'The comment database is busy. Nothing was changed; please try again.',
  unavailable: 'The comment database cannot be reached. Nothing was changed; please try again later.',
};

const comments = (count: number) => `${count} comment${count === 1 ? '' : 's'}`;

/** The sentence shown at the top of a moderation page after an action. */
export function describeNotice(notice: Notice): { tone: 'success' | 'error'; text: string } | null {
  if (notice.error === 'locked' && notice.minutes) {
    return {
      tone: 'error',
      text: `Too many sign-in attempts with a wrong password. Try again in ${notice.minutes} minute${notice.minutes === 1 ? '' : 's'}.`,
    };
  }
  if (notice.error) return { tone: 'error', text: ERROR_TEXT[notice.error] };
  if (!notice.done) return null;
  if (notice.done === 'edit') return { tone: 'success', text: 'Your changes to the comment were saved.' };
  if (notice.done === 'login' || notice.done === 'logout') return { tone: 'success', text: `You are ${PAST[notice.done]}.` };
  const parts = [`${comments(notice.changed ?? 0)} ${PAST[notice.done]}.`];
  if (notice.unchanged) {
    parts.push(`${comments(notice.unchanged)} unchanged (already in that state, or nothing to restore).`);
  }
  if (notice.notFound) parts.push(`${comments(notice.notFound)} not found.`);
  return { tone: notice.changed ? 'success' : 'error', text: parts.join(' ') };
}
