import { Fragment } from 'react';

import { linkify, READER_LINK_REL, toParagraphs } from './linkify';

type CommentTextProps = {
  text: string;
};

// Reader text is plain text: React text nodes, <p>, <br> and links made from
// bare http(s) addresses. Nothing in it is ever parsed as HTML or Markdown.
export function CommentText({ text }: CommentTextProps) {
  return (
    <div dir="auto" className="flex flex-col gap-3 leading-relaxed [overflow-wrap:anywhere]">
      {toParagraphs(text).map((lines, p) => (
        <p key={p} dir="auto">
          {lines.map((line, l) => (
            <Fragment key={l}>
              {l > 0 ? <br /> : null}
              {linkify(line).map((segment, s) =>
                segment.kind === 'link' ? (
                  <a key={s} href={segment.href} rel={READER_LINK_REL} className="text-link underline underline-offset-2">
                    {segment.text}
                  </a>
                ) : (
                  <Fragment key={s}>{segment.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
