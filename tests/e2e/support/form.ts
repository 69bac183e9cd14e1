import { JSDOM } from 'jsdom';

/**
 * The comment form as a browser without JavaScript sees it: where it posts
 * and every named field with its value (hidden fields included: the article,
 * the signed token, parentId in reply mode, and React's `$ACTION_…` fields).
 */
export type CommentForm = {
  /** The page the form was read from. */
  pageUrl: string;
  /** Where the form posts (its `action`, resolved against the page). */
  action: string;
  fields: Record<string, string>;
};

export type CommentValues = Partial<Record<'comment' | 'name' | 'email' | 'website' | 'company', string>> &
  Record<string, string | undefined>;

export type PostResult = { status: number; html: string };

/** What a form page says after a submission, read from its HTML. */
export type FormOutcome = {
  /** The form-level message (the `role="alert"` region), or ''. */
  message: string;
  /** Messages beside fields, by field name. */
  fieldErrors: Record<string, string>;
  /** The values the form was filled with again, by field name. */
  values: Record<string, string>;
};

function formIn(html: string): HTMLFormElement | null {
  const { document } = new JSDOM(html).window;
  return document.querySelector<HTMLFormElement>('#comments form');
}

/** Parses the comment form out of an article page (or its reply page) HTML. */
export function parseCommentForm(html: string, pageUrl: string): CommentForm {
  const form = formIn(html);
  if (!form) throw new Error(`No comment form on ${pageUrl}`);
  const fields: Record<string, string> = {};
  for (const control of Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name], textarea[name]'))) {
    if (control instanceof form.ownerDocument.defaultView!.HTMLInputElement && ['submit', 'button', 'file'].includes(control.type))
      continue;
    fields[control.name] = control.value;
  }
  return { pageUrl, action: new URL(form.getAttribute('action') || pageUrl, pageUrl).href, fields };
}

/** Fetches `/articles/<slug>` (or `/articles/<slug>/reply/<id>`) and reads its comment form. */
export async function fetchCommentForm(
  baseURL: string,
  slug: string,
  options: { replyTo?: number; headers?: Record<string, string> } = {},
): Promise<CommentForm> {
  const path = options.replyTo === undefined ? `/articles/${slug}` : `/articles/${slug}/reply/${options.replyTo}`;
  const pageUrl = new URL(path, baseURL).href;
  const response = await fetch(pageUrl, { headers: options.headers });
  if (!response.ok) throw new Error(`GET ${pageUrl} answered ${response.status}`);
  return parseCommentForm(await response.text(), pageUrl);
}

/**
 * Posts the form as a browser without JavaScript does: multipart/form-data
 * to the form's action, with an Origin header, the form's own fields and the
 * given values on top (a value of `undefined` leaves a field out).
 */
export async function postComment(
  baseURL: string,
  form: CommentForm,
  values: CommentValues,
  options: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<PostResult> {
  const merged: Record<string, string | undefined> = { ...form.fields, ...values };
  const body = new FormData();
  for (const [name, value] of Object.entries(merged)) if (value !== undefined) body.append(name, value);
  const response = await fetch(form.action, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { origin: new URL(baseURL).origin, accept: 'text/html', ...options.headers },
    signal: options.signal,
  });
  return { status: response.status, html: await response.text() };
}

/** Reads the message, field errors and kept values from the page a submission answered with. */
export function readFormOutcome(html: string): FormOutcome {
  const form = formIn(html);
  const outcome: FormOutcome = { message: '', fieldErrors: {}, values: {} };
  if (!form) return outcome;
  outcome.message = form.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
  for (const name of ['comment', 'name', 'email', 'website']) {
    const control = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`);
    if (!control) continue;
    outcome.values[name] = control.value;
    const describedBy = control.getAttribute('aria-describedby');
    const error = describedBy ? form.ownerDocument.getElementById(describedBy)?.textContent?.trim() : undefined;
    if (control.getAttribute('aria-invalid') === 'true' && error) outcome.fieldErrors[name] = error;
  }
  return outcome;
}

/** The form's minimum fill time; a form fetched from a freshly rendered page must wait this long. */
export const MIN_FILL_MS = 3_100;
