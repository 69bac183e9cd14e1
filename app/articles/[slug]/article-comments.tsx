import { CommentForm } from '@/components/comments/comment-form';
import { CommentSection } from '@/components/comments/comment-section';
import {
  COMMENT_FORM_LIMITS,
  commentFormWords,
  getCommentStore,
  isCommentStoreError,
  issueCommentToken,
  THREADS_PER_PAGE,
  type ApprovedPage,
  type CommentStore,
  type PublicComment,
} from '@/lib/comments';
import { getOldSlugs } from '@/lib/content';
import { DEFAULT_LOCALE, wordsAttributes, type ArticleLocale } from '@/lib/i18n';
import { articlePath, commentTokenHref } from '@/lib/routes';

import { submitComment } from './actions';

/**
 * The comment store, once the comments of the article's old slugs (a rename
 * with `redirectFrom`) are moved to it: the first render at the new address,
 * at build or on publishing, carries them over, and later ones find nothing
 * left to move.
 */
export async function storeForArticle(articleSlug: string): Promise<CommentStore> {
  const store = await getCommentStore();
  const oldSlugs = getOldSlugs(articleSlug);
  if (oldSlugs.length > 0) {
    const { moved } = await store.moveArticleComments(oldSlugs, articleSlug);
    if (moved > 0) console.log(`Comments: ${moved} moved from ${oldSlugs.join(', ')} to ${articleSlug}, which was renamed.`);
  }
  return store;
}

/** One page of an article's approved threads, oldest first. */
export async function getCommentsPage(articleSlug: string, page = 1): Promise<ApprovedPage> {
  const store = await storeForArticle(articleSlug);
  return store.listApproved(articleSlug, { page, threadsPerPage: THREADS_PER_PAGE });
}

let warnedNoSecret = false;

// A prerendered page carries a token signed at build time, so the build must
// sign with the servers' secret (COMMENT_SECRET, or the generated one under
// data/ on a single machine). When the secret is missing the form still
// renders; a reader without JavaScript is then asked once to submit again,
// with a fresh token.
function formToken(articleSlug: string): string {
  try {
    return issueCommentToken(articleSlug);
  } catch (error) {
    if (!isCommentStoreError(error) || error.code !== 'config') throw error;
    if (!warnedNoSecret) console.warn('Comment form tokens are left out of this page: COMMENT_SECRET is not set.');
    warnedNoSecret = true;
    return '';
  }
}

type ArticleCommentsProps = {
  articleSlug: string;
  comments: ApprovedPage;
  /** Reply mode: the form answers this approved comment. */
  replyTo?: PublicComment | null;
  /** The article's words and zone: the section, the form and its answers speak the article's language. */
  locale?: ArticleLocale;
  className?: string;
};

/** The comment section of an article page: approved threads, then the form. */
export function ArticleComments({ articleSlug, comments, replyTo, locale = DEFAULT_LOCALE, className }: ArticleCommentsProps) {
  const { messages } = locale;
  const attributes = wordsAttributes(messages);
  return (
    <CommentSection
      articleSlug={articleSlug}
      commentCount={comments.commentCount}
      threads={comments.threads}
      page={comments.page}
      totalPages={comments.totalPages}
      locale={locale}
      {...attributes}
      className={className}
    >
      <CommentForm
        action={submitComment}
        articleSlug={articleSlug}
        token={formToken(articleSlug)}
        tokenUrl={commentTokenHref(articleSlug)}
        replyTo={replyTo ? { id: replyTo.id, name: replyTo.name } : null}
        cancelHref={replyTo ? `${articlePath(articleSlug)}#comments` : undefined}
        limits={COMMENT_FORM_LIMITS}
        text={commentFormWords(messages.commentForm)}
        lang={messages.lang}
        dir={attributes.dir}
      />
    </CommentSection>
  );
}
