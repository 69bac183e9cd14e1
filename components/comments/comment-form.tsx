'use client';

import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';

import { CommentFormFieldRow, fieldId } from '@/components/comments/comment-form-field';
import { useFreshToken } from '@/components/comments/use-fresh-token';
import {
  COMMENT_FORM_FIELDS,
  fillTemplate,
  FORM_FIELD,
  initialCommentFormState,
  tooLongFields,
  tooLongMessage,
  type CommentFormAction,
  type CommentFormField,
  type CommentFormLimits,
  type CommentFormState,
  type CommentFormWords,
} from '@/lib/comments/form';
import { articlePath, replyHref } from '@/lib/routes';

type CommentFormProps = {
  /** The server action; a plain POST without JavaScript, in place with it. */
  action: CommentFormAction;
  articleSlug: string;
  /** The signed form token rendered into the page. */
  token: string;
  /** Where a fresh token can be fetched (GET) when the reader starts writing. */
  tokenUrl?: string;
  replyTo?: { id: number; name: string } | null;
  cancelHref?: string;
  /** Longest values in code points; with JavaScript, longer ones are not sent at all. */
  limits?: CommentFormLimits;
  /** Every word of the form, in the article's language (this bundle cannot read lib/i18n). */
  text: CommentFormWords;
  /** The language of `text`, for its digits. */
  lang: string;
  /** The direction of `text`, where it differs from the page's. */
  dir?: 'ltr' | 'rtl';
};

/** The form's message, where a browser without JavaScript lands with the answer. */
const MESSAGE_ID = 'comment-form-message';

export function CommentForm({ action, articleSlug, token, tokenUrl, replyTo, cancelHref, limits, text, lang, dir }: CommentFormProps) {
  // The permalink is where a browser without JavaScript posts the form (its
  // `action` attribute; an empty one is not valid HTML). Its fragment brings
  // the answer page to the form's message, or its first error below it,
  // instead of to the top, thousands of pixels above on a phone.
  const page = replyTo ? replyHref(articleSlug, replyTo.id).replace(/#.*$/, '') : articlePath(articleSlug);
  const permalink = `${page}#${MESSAGE_ID}`;
  const [state, formAction, pending] = useActionState<CommentFormState, FormData>(action, initialCommentFormState, permalink);
  const [freshToken, refreshToken] = useFreshToken(tokenUrl);
  const messageRef = useRef<HTMLDivElement>(null);
  const [localErrors, setLocalErrors] = useState<CommentFormState['fieldErrors'] | null>(null);

  // Each answer remounts the fields, so their default values show what the server returned.
  const [seen, setSeen] = useState({ state, version: 0 });
  if (seen.state !== state) setSeen({ state, version: seen.version + 1 });

  const firstInvalid = COMMENT_FORM_FIELDS.find((field) => state.fieldErrors?.[field]);
  if (seen.state !== state && localErrors) setLocalErrors(null);

  useEffect(() => {
    if (seen.version === 0) return;
    if (firstInvalid) document.getElementById(fieldId(firstInvalid))?.focus();
    else messageRef.current?.focus();
  }, [seen.version, firstInvalid]);

  // A body far past the limits would be refused before the action runs; say so here instead.
  function checkLengths(event: FormEvent<HTMLFormElement>) {
    const errors = tooLongFields(new FormData(event.currentTarget), limits, { tooLong: tooLongMessage(text.fieldErrors, lang) });
    setLocalErrors(errors);
    const first = COMMENT_FORM_FIELDS.find((field) => errors?.[field]);
    if (!first) return;
    event.preventDefault();
    document.getElementById(fieldId(first))?.focus();
  }

  const values = state.values;
  const errors = localErrors ?? state.fieldErrors ?? {};
  const message = localErrors ? text.fields : state.message;
  const rowProps = (field: CommentFormField) => ({
    field,
    defaultValue: values?.[field] ?? '',
    error: errors[field],
    autoFocus: field === firstInvalid,
  });

  return (
    <div dir={dir} className="flex flex-col gap-4">
      <h2 id="leave-a-reply" className="scroll-mt-6 border-b-2 border-ink pb-2 font-serif text-2xl font-bold">
        {replyTo ? <ReplyHeading template={text.replyHeading} name={replyTo.name} /> : text.heading}
      </h2>
      {replyTo && cancelHref ? (
        <p>
          <a href={cancelHref} className="text-sm font-semibold text-link underline underline-offset-2">
            {text.cancelReply}
          </a>
        </p>
      ) : null}
      <form
        action={formAction}
        noValidate
        aria-labelledby="leave-a-reply"
        onFocus={refreshToken}
        onSubmit={checkLengths}
        className="flex flex-col gap-4"
      >
        <p id="comment-form-notes" className="text-sm text-muted">
          {text.notes}
        </p>
        <div ref={messageRef} id={MESSAGE_ID} tabIndex={-1} role="alert" aria-atomic="true" className="scroll-mt-6 outline-none">
          {message ? (
            <p
              className={
                !localErrors && state.status === 'success'
                  ? 'border-s-4 border-ink bg-surface p-3 font-semibold'
                  : 'border-s-4 border-accent bg-surface p-3 font-semibold'
              }
            >
              {message}
            </p>
          ) : null}
        </div>
        <input type="hidden" name={FORM_FIELD.articleSlug} value={articleSlug} />
        {replyTo ? <input type="hidden" name={FORM_FIELD.parentId} value={String(replyTo.id)} /> : null}
        <input type="hidden" name={FORM_FIELD.token} value={state.token ?? freshToken ?? token} />
        <CommentFormFieldRow
          key={`comment-${seen.version}`}
          {...rowProps('comment')}
          label={text.labels.comment}
          type="textarea"
          required
        />
        <CommentFormFieldRow key={`name-${seen.version}`} {...rowProps('name')} label={text.labels.name} autoComplete="name" required />
        <CommentFormFieldRow
          key={`email-${seen.version}`}
          {...rowProps('email')}
          label={text.labels.email}
          type="email"
          autoComplete="email"
          required
        />
        <CommentFormFieldRow
          key={`website-${seen.version}`}
          {...rowProps('website')}
          label={text.labels.website}
          type="url"
          autoComplete="url"
        />
        {/* A trap for form-filling programs: hidden from sight, from the keyboard and from screen readers. */}
        <div aria-hidden="true" className="sr-only">
          <label htmlFor="comment-form-company">Company (leave empty)</label>
          <input id="comment-form-company" type="text" name={FORM_FIELD.honeypot} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <p>
          <button
            type="submit"
            disabled={pending}
            className="inline-flex min-h-11 items-center bg-ink px-5 font-semibold text-paper hover:bg-accent disabled:opacity-60"
          >
            {text.submit}
          </button>
        </p>
      </form>
    </div>
  );
}

/** "Reply to {name}", the name isolated so a right-to-left name cannot reorder the words around it. */
function ReplyHeading({ template, name }: { template: string; name: string }) {
  const marker = '\u0000';
  const [before = '', after = ''] = fillTemplate(template, { name: marker }).split(marker);
  return (
    <>
      {before}
      <bdi>{name}</bdi>
      {after}
    </>
  );
}
