import { notFound } from 'next/navigation';
import { connection } from 'next/server';

import { logIn, logOut, moderateComments } from '@/app/moderation/actions';
import { getArticleTitles } from '@/app/moderation/articles';
import { describeNotice, parseQueueQuery, queueHref, readNotice } from '@/app/moderation/requests';
import { getModeratorSession } from '@/app/moderation/session';
import { ArchiveHeader } from '@/components/layout/archive-header';
import { CommentQueue } from '@/components/moderation/comment-queue';
import { LoginForm } from '@/components/moderation/login-form';
import { LogoutForm } from '@/components/moderation/logout-form';
import { ModerationNotice } from '@/components/moderation/moderation-notice';
import { QueuePager } from '@/components/moderation/queue-pager';
import { STATUS_LABELS, StatusTabs } from '@/components/moderation/status-tabs';
import { COMMENT_STATUSES, getCommentStore, type CommentStatus, type StatusList } from '@/lib/comments';
import { isModerationEnabled } from '@/lib/moderation';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function loadQueue(query: ReturnType<typeof parseQueueQuery>): Promise<StatusList | null> {
  try {
    const store = await getCommentStore();
    return await store.listByStatus(query.status, {
      limit: query.per,
      offset: (query.page - 1) * query.per,
      articleSlug: query.article ?? undefined,
    });
  } catch (error) {
    console.error(`moderation: the queue could not be read: ${error instanceof Error ? error.message : 'unknown error'}`);
    return null;
  }
}

export default async function ModerationPage({ searchParams }: Props) {
  // Rendered for every request: the page depends on the environment and the session.
  await connection();
  if (!isModerationEnabled()) notFound();
  const params = await searchParams;
  const notice = describeNotice(readNotice(params));
  const session = await getModeratorSession();

  if (!session) {
    return (
      <>
        <ArchiveHeader title="Comment moderation" kicker="Newsroom" description="Sign in to review reader comments." />
        {notice ? <ModerationNotice {...notice} /> : null}
        <LoginForm action={logIn} returnTo="/moderation" />
      </>
    );
  }

  const query = parseQueueQuery(params);
  const here = queueHref(query);
  const list = await loadQueue(query);
  const hrefs = Object.fromEntries(COMMENT_STATUSES.map((status) => [status, queueHref({ status, article: query.article })])) as Record<
    CommentStatus,
    string
  >;

  return (
    <>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <ArchiveHeader
          title="Comment moderation"
          kicker="Newsroom"
          description={query.article ? `Comments on ${query.article}` : 'All articles, newest comments first.'}
        />
        <LogoutForm action={logOut} name={session.name} />
      </div>
      {notice ? <ModerationNotice {...notice} /> : null}
      {list ? (
        <>
          <StatusTabs current={query.status} counts={list.counts} hrefs={hrefs} />
          <h2 className="sr-only">
            {STATUS_LABELS[query.status]} comments ({list.total})
          </h2>
          <CommentQueue
            comments={list.comments}
            articleTitles={getArticleTitles(list.comments.map((comment) => comment.articleSlug))}
            action={moderateComments}
            returnTo={here}
            emptyText={`No ${STATUS_LABELS[query.status].toLowerCase()} comments.`}
          />
          <QueuePager
            page={query.page}
            totalPages={Math.max(1, Math.ceil(list.total / query.per))}
            hrefFor={(page) => queueHref({ ...query, page })}
          />
        </>
      ) : (
        <ModerationNotice tone="error" text="The comment database cannot be reached right now. Please try again shortly." />
      )}
    </>
  );
}
