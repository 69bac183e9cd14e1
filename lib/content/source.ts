import 'server-only';

import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { z } from 'zod';

import { type ContentProblem, closestMatch, listNames } from '@/lib/content/problems';

// Reading YAML with line numbers, and turning zod issues into editor problems.

export type YamlSource = {
  data: unknown;
  /** The file line of a key or list item; `fallback` when the path is not in the file. */
  lineOf(path: readonly PropertyKey[], fallback?: number): number;
  problems: ContentProblem[];
};

/**
 * Parses YAML that starts on `firstLine` of `file`. The YAML 1.2 core schema
 * keeps `2026-11-02 09:30` a string, so a date without a zone can be reported
 * instead of silently becoming a UTC `Date`.
 */
export function parseYaml(text: string, file: string, firstLine: number, field = 'front matter'): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: 'core', version: '1.2', prettyErrors: true });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;

  const lineOf = (path: readonly PropertyKey[], fallback = 1): number => {
    let node: unknown = doc.contents;
    let line = fallback;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair || !isScalar(pair.key) || !pair.key.range) return line;
        line = toLine(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item: unknown = node.items[segment];
        if (!item || typeof item !== 'object' || !('range' in item) || !Array.isArray(item.range)) return line;
        line = toLine(Number(item.range[0]));
        node = item;
      } else {
        return line;
      }
    }
    return line;
  };

  const problems = doc.errors.map((error) => ({
    file,
    line: error.linePos ? error.linePos[0].line + firstLine - 1 : firstLine,
    field,
    message: (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''),
  }));
  if (problems.length > 0) return { data: undefined, lineOf, problems };
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), lineOf, problems };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { data: undefined, lineOf, problems: [{ file, line: firstLine, field, message }] };
  }
}

export type SplitFile =
  | { ok: true; yaml: string; body: string }
  | { ok: false; message: string };

/** Separates `---` front matter (starting on line 2) from the Markdown body. */
export function splitFrontMatter(raw: string): SplitFile {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const firstEnd = text.indexOf('\n');
  const firstLine = (firstEnd === -1 ? text : text.slice(0, firstEnd)).trimEnd();
  if (firstLine !== '---') {
    return {
      ok: false,
      message: 'is missing; start the file with a line "---", then the fields (title: …), then another "---"',
    };
  }
  let position = firstEnd + 1;
  while (position > 0 && position <= text.length) {
    const end = text.indexOf('\n', position);
    const line = (end === -1 ? text.slice(position) : text.slice(position, end)).trimEnd();
    if (line === '---' || line === '...') {
      return { ok: true, yaml: text.slice(firstEnd + 1, position), body: end === -1 ? '' : text.slice(end + 1) };
    }
    if (end === -1) break;
    position = end + 1;
  }
  return { ok: false, message: 'is not closed; add a line "---" after the last field' };
}

export type FrontMatterFile = { source: YamlSource; data: Record<string, unknown>; body: string };

/**
 * The front matter of one Markdown file as fields, with the YAML kept for
 * line numbers, and its body. Problems go to `problems`; undefined when the
 * fields cannot be read at all. `example` shows one field of this kind of file.
 */
export function readFrontMatter(raw: string, file: string, example: string, problems: ContentProblem[]): FrontMatterFile | undefined {
  const split = splitFrontMatter(raw);
  if (!split.ok) {
    problems.push({ file, line: 1, field: 'front matter', message: split.message });
    return undefined;
  }
  const source = parseYaml(split.yaml, file, 2);
  problems.push(...source.problems);
  if (source.problems.length > 0) return undefined;
  const data = withoutNulls(source.data ?? {});
  if (!isRecord(data)) {
    problems.push({ file, line: 2, field: 'front matter', message: `must be fields, one per line, e.g. ${example}` });
    return undefined;
  }
  return { source, data, body: split.body };
}

/** Keys written with no value (`image:`) count as not written. */
export function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== null));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function unknownFieldMessage(key: string, knownFields: readonly string[]): string {
  const guess = closestMatch(key, knownFields);
  return guess ? `unknown field; did you mean "${guess}"?` : `unknown field; use one of: ${listNames(knownFields, knownFields.length)}`;
}

type IssueOptions = {
  knownFields: readonly string[];
  /** Field name for an issue about the whole document. */
  wholeField: string;
  /** Line for a missing required field. */
  missingLine?: number;
};

export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  source: YamlSource,
  file: string,
  options: IssueOptions,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({
          file,
          line: source.lineOf([...issue.path, key], options.missingLine),
          field: key,
          message: unknownFieldMessage(key, options.knownFields),
        });
      }
      continue;
    }
    const named = issue.code === 'custom' && typeof issue.params?.field === 'string' ? issue.params.field : undefined;
    const lastKey = [...issue.path].reverse().find((segment): segment is string => typeof segment === 'string');
    // A field of one item of a list of groups (corrections[1].date): which item, and which field of it.
    const [top, index, key] = issue.path;
    const itemField =
      issue.path.length === 3 && typeof top === 'string' && typeof index === 'number' && typeof key === 'string'
        ? `${top}[${index}].${key}`
        : undefined;
    problems.push({
      file,
      line: source.lineOf(issue.path, options.missingLine),
      field: named ?? itemField ?? lastKey ?? options.wholeField,
      message: issue.message,
    });
  }
  return problems;
}
