/** The comment section's URLs; they are part of the site's public contract. */

export function articleHref(articleSlug: string): string {
  return `/articles/${articleSlug}`;
}

/** Works without JavaScript: a page with the form answering this comment. */
export function replyHref(articleSlug: string, commentId: number): string {
  return `/articles/${articleSlug}/reply/${commentId}#leave-a-reply`;
}

/** Page 1 of the comments is the article itself. */
export function commentsPageHref(articleSlug: string, page: number): string {
  return page <= 1 ? `/articles/${articleSlug}#comments` : `/articles/${articleSlug}/comments/page/${page}#comments`;
}
