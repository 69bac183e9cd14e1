import type { ArticleImage } from '@/lib/content';

type ArticleFigureProps = {
  image: ArticleImage;
  /** The picture at the top of an article: fetched before anything else on the page. */
  lead?: boolean;
};

export function ArticleFigure({ image, lead = false }: ArticleFigureProps) {
  const hasCaption = Boolean(image.caption || image.credit);
  return (
    <figure className="flex flex-col gap-2">
      <img
        src={image.src}
        alt={image.alt}
        width={image.width}
        height={image.height}
        fetchPriority={lead ? 'high' : undefined}
        loading={lead ? undefined : 'lazy'}
        decoding="async"
        className="h-auto w-full bg-surface"
      />
      {hasCaption ? (
        <figcaption className="text-sm leading-snug text-muted">
          {image.caption ? <span>{image.caption}</span> : null}
          {image.caption && image.credit ? ' ' : null}
          {image.credit ? (
            // Editors write the whole credit ("Photo: …", "Illustration: …"), so nothing is prefixed.
            <span className="text-xs tracking-wide uppercase">{image.credit}</span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
