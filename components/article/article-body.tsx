type ArticleBodyProps = {
  /** Article HTML, already sanitized by lib/content when the Markdown was rendered. */
  html: string;
};

// The only place in the site where HTML is injected; lib/content owns its sanitizing.
export function ArticleBody({ html }: ArticleBodyProps) {
  return <div className="prose-article" dangerouslySetInnerHTML={{ __html: html }} />;
}
