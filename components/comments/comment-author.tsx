import { READER_LINK_REL, safeHttpUrl } from './linkify';

type CommentAuthorProps = {
  name: string;
  website: string | null;
};

/** The name is isolated with <bdi>, so a right-to-left name cannot reorder the text around it. */
export function CommentAuthor({ name, website }: CommentAuthorProps) {
  // Checked again here: only an http(s) address ever becomes a link, whatever is stored.
  const href = safeHttpUrl(website);
  if (!href) return <bdi>{name}</bdi>;
  return (
    <a href={href} rel={READER_LINK_REL} className="text-link underline underline-offset-2">
      <bdi>{name}</bdi>
    </a>
  );
}
