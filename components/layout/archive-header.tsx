type ArchiveHeaderProps = {
  title: string;
  /** A short label above the title, e.g. "Section" or an author's role. */
  kicker?: string;
  description?: string;
  /** A front-page section label rather than a full archive title. */
  compact?: boolean;
};

export function ArchiveHeader({ title, kicker, description, compact = false }: ArchiveHeaderProps) {
  if (compact) {
    return (
      <header className="mb-6 border-b-2 border-ink pb-1.5">
        <h1 className="text-sm font-bold tracking-widest text-ink uppercase">{title}</h1>
      </header>
    );
  }
  return (
    <header className="mb-8 flex flex-col gap-2 border-b-2 border-ink pb-4">
      {kicker ? <p className="text-xs font-bold tracking-wider text-accent uppercase">{kicker}</p> : null}
      <h1 className="font-serif text-3xl leading-tight font-bold sm:text-4xl">{title}</h1>
      {description ? <p className="max-w-measure leading-relaxed text-muted">{description}</p> : null}
    </header>
  );
}
