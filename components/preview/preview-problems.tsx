type PreviewProblemsProps = {
  slug: string;
  /** Each problem as `file:line: field: message`. */
  problems: readonly string[];
};

/** A previewed article whose file has mistakes: the same messages the content check prints, so the editor can fix them. */
export function PreviewProblems({ slug, problems }: PreviewProblemsProps) {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-8">
      <h1 className="font-serif text-3xl font-bold">{slug} cannot be shown yet</h1>
      <p>
        Its file has {problems.length === 1 ? 'a problem' : `${problems.length} problems`} that would stop it from being published. Fix{' '}
        {problems.length === 1 ? 'it' : 'them'}, save, and reload this page:
      </p>
      <ul className="flex flex-col gap-2 font-mono text-sm">
        {problems.map((problem) => (
          <li key={problem} className="border-s-4 border-accent bg-surface p-2 break-words">
            {problem}
          </li>
        ))}
      </ul>
    </div>
  );
}
