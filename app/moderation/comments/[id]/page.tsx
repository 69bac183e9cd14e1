import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { editComment, logIn, moderateComments } from '@/app/moderation/actions';
import { getArticleTitles } from '@/app/moderation/articles';
import { getEditFlash } from '@/app/moderation/edit-flash';
import { describeNotice, parseCommentId, queueHref, readNotice } from '@/app/moderation/requests';
import { getModeratorSession } from '@/app/moderation/session';
import { ArchiveHeader } from '@/components/layout/archive-header';
import { CommentActions } from '@/components/moderation/comment-actions';
import { CommentFields } from '@/components/moderation/comment-fields';
import { CommentHistory } from '@/components/moderation/comment-history';
import { CommentText } from '@/components/moderation/comment-text';
import { EditForm } from '@/components/moderation/edit-form';
import { LoginForm } from '@/components/moderation/login-form';
import { ModerationNotice } from '@/components/moderation/moderation-notice';
import { STATUS_LABELS } from '@/components/moderation/status-tabs';
import { getCommentStore } from '@/lib/comments';
import { isModerationEnabled } from '@/lib/moderation';
import { moderationCommentPath } from '@/lib/routes';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function loadComment(id: number) {
  try {
    const store = await getCommentStore();
    const comment = await store.getComment(id);
    return comment ? { comment, events: await store.getEvents(id) } : null;
  } catch (error) {
    console.error(`moderation: comment ${id} could not be read: ${error instanceof Error ? error.message : 'unknown error'}`);
    return 'unavailable' as const;
  }
}

export default async function ModerationCommentPage({ params, searchParams }: Props) {
  await connection();
  if (!isModerationEnabled()) notFound();
  const id = parseCommentId((await params).id);
  if (id === null) notFound();
  const here = moderationCommentPath(id);
  const notice = describeNotice(readNotice(await searchParams));

  const session = await getModeratorSession();
  if (!session) {
    return (
      <>
        <ArchiveHeader title="Comment moderation" kicker="Newsroom" description="Sign in to review reader comments." />
        {notice ? <ModerationNotice {...notice} /> : null}
        <LoginForm action={logIn} returnTo={here} />
      </>
    );
  }

  const loaded = await loadComment(id);
  if (loaded === 'unavailable') {
    return <ModerationNotice tone="error" text="The comment database cannot be reached right now. Please try again shortly." />;
  }
  if (!loaded) notFound();
  const { comment, events } = loaded;
  const flash = await getEditFlash(id);
  const titles = getArticleTitles([comment.articleSlug]);
  const values = {
    name: flash?.values.name ?? comment.name,
    email: flash?.values.email ?? comment.email,
    website: flash?.values.website ?? comment.website ?? '',
    comment: flash?.values.comment ?? comment.body,
  };

  return (
    <>
      <p>
        <a href={queueHref({ status: comment.status })} className="text-link underline underline-offset-2">
          ← {STATUS_LABELS[comment.status]} comments
        </a>
      </p>
      <ArchiveHeader title={`Comment #${id}`} kicker={STATUS_LABELS[comment.status]} />
      {notice ? <ModerationNotice {...notice} /> : null}
      <section aria-label="The comment" className="flex flex-col gap-3">
        <p className="font-semibold">
          <bdi>{comment.name}</bdi>
        </p>
        <CommentFields comment={comment} articleTitle={titles[comment.articleSlug] ?? null} />
        <CommentText body={comment.body} />
        <form action={moderateComments} aria-label={`Moderate comment #${id}`}>
          <input type="hidden" name="returnTo" value={here} />
          <CommentActions id={id} status={comment.status} />
        </form>
      </section>
      <EditForm action={editComment} id={id} values={values} fieldErrors={flash?.fieldErrors ?? {}} />
      <CommentHistory events={events} />
    </>
  );
}
