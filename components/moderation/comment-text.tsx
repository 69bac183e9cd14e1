type CommentTextProps = {
  body: string;
  /** Show at most this many characters, with a note of how many more there are. */
  limit?: number;
};

/** A comment as the reader typed it: plain text, line breaks kept, direction from its first strong character. */
export function CommentText({ body, limit }: CommentTextProps) {
  const characters = limit === undefined ? null : Array.from(body);
  const cut = characters !== null && limit !== undefined && characters.length > limit;
  return (
    <div className="border-l-2 border-rule pl-3">
      <p dir="auto" className="leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]">
        {cut ? `${characters.slice(0, limit).join('')}…` : body}
      </p>
      {cut ? <p className="mt-1 text-sm text-muted">{(characters.length - (limit ?? 0)).toLocaleString('en')} more characters</p> : null}
    </div>
  );
}
