import type { Highlighted } from '@/lib/search';

/** Text with the searched words marked. */
export function HighlightedText({ parts }: { parts: Highlighted }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="bg-surface font-semibold text-ink underline decoration-accent decoration-2 underline-offset-2">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
