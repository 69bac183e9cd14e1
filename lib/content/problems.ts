import 'server-only';

/** One thing an editor has to fix, located as `file:line`. */
export type ContentProblem = {
  /** Path as the editor sees it from the repository root, e.g. `content/articles/x.md`. */
  file: string;
  line: number;
  field: string;
  message: string;
};

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}

export function countFiles(problems: readonly ContentProblem[]): number {
  return new Set(problems.map((problem) => problem.file)).size;
}

export function summarizeProblems(problems: readonly ContentProblem[]): string {
  const files = countFiles(problems);
  return `${plural(problems.length, 'problem')} in ${plural(files, 'file')}`;
}

/** Every problem on its own line, then a count: the report editors read. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  return [...problems.map(formatProblem), summarizeProblems(problems)].join('\n');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Thrown by the site's content getters when the content has problems. */
export class ContentError extends Error {
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    super(formatProblems(problems));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Problems in file order (as discovered), then by line within a file. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  const fileOrder = new Map<string, number>();
  for (const problem of problems) {
    if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
  }
  return problems
    .map((problem, position) => ({ problem, position }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.problem.file) ?? 0) - (fileOrder.get(b.problem.file) ?? 0) ||
        a.problem.line - b.problem.line ||
        a.position - b.position,
    )
    .map(({ problem }) => problem);
}

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/**
 * The known value nearest to `input`, or undefined when nothing is close
 * enough to be a plausible typo (about one edit per three characters).
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(input, candidate);
    const limit = Math.max(1, Math.floor(Math.max(input.length, candidate.length) / 3));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `a, b, c` — or the first few and `…` when the list is long. */
export function listNames(names: readonly string[], limit = 12): string {
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown}, …` : shown;
}
