import { DateTime } from '@/components/article/date-time';

type PreviewBannerProps = {
  state: 'draft' | 'scheduled' | 'published';
  /** When the article comes out (scheduled), ISO 8601. */
  date: string;
  /** When this preview link stops working, ISO 8601. */
  expiresAt: string;
  /** The article's public address, once it is out. */
  publicHref: string;
};

/** The strip above a previewed article: what readers would see, and that they cannot yet. */
export function PreviewBanner({ state, date, expiresAt, publicHref }: PreviewBannerProps) {
  return (
    <div role="status" aria-label="Preview" className="border-y-4 border-accent bg-surface px-4 py-3">
      <p className="mx-auto max-w-3xl text-sm leading-relaxed">
        <strong className="me-2 inline-block bg-ink px-2 py-0.5 font-sans font-bold tracking-wider text-paper uppercase">Preview</strong>
        {state === 'draft' ? (
          <>This article is a draft: readers cannot see it until its front matter says draft: false.</>
        ) : state === 'scheduled' ? (
          <>
            This article is scheduled: readers see it from <DateTime iso={date} withTime />.
          </>
        ) : (
          <>
            This article is published: <a href={publicHref}>see it as readers do</a>.
          </>
        )}{' '}
        This link works until <DateTime iso={expiresAt} withTime />; it is not listed, searched or indexed.
      </p>
    </div>
  );
}
