import 'server-only';

import { z } from 'zod';

import {
  DATE_EXAMPLE,
  canonicalLanguageTag,
  isFileSlug,
  isNameSlug,
  parseDateTime,
  slugify,
  suggestFileSlug,
} from '@/lib/content/fields';
import { closestMatch, listNames } from '@/lib/content/problems';
import { isRecord } from '@/lib/content/source';
import { site } from '@/lib/site';

// ─── What the site reads ────────────────────────────────────────────────────

// Plain types: the loader builds these objects from validated front matter,
// so nothing parses them again.

export type Category = { slug: string; name: string; description: string };
export type Author = { id: string; name: string; role?: string; bio: string };
export type Tag = { slug: string; name: string };
export type ArticleImage = {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  width: number;
  height: number;
};
/** A correction the newsroom made to an article: when, and what was wrong. */
export type Correction = {
  /** ISO 8601 in UTC. */
  date: string;
  /** The UTC offset the editor wrote in `date` (`+05:00`): the desk's zone, in which the page shows its times. */
  dateOffset?: string;
  text: string;
};
/** A breaking-news line: the strip's text, and when it stops showing. */
export type BreakingNews = { text: string; until: string };
export type ArticleSummary = {
  slug: string;
  title: string;
  /** ISO 8601 in UTC. */
  date: string;
  /** The UTC offset the editor wrote in `date` (`+05:00`): the desk's zone, in which the page shows its times. */
  dateOffset?: string;
  /** The later of `updated` and the newest correction. */
  updated?: string;
  /** Oldest first. */
  corrections: Correction[];
  authors: Author[];
  source?: string;
  /** The primary category first. */
  categories: Category[];
  tags: Tag[];
  excerpt: string;
  image?: ArticleImage;
  draft: boolean;
  /** Leads the front page and its primary category's page while it is out, until `featuredUntil` (ISO 8601 in UTC) if set. */
  featured: boolean;
  featuredUntil?: string;
  /** The strip shown on every page from publication until `until` (ISO 8601 in UTC). */
  breaking?: BreakingNews;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The slug of the original this article translates (`translationOf`). */
  translationOf?: string;
  wordCount: number;
  readingMinutes: number;
};
export type Article = ArticleSummary & { html: string };

// ─── What editors write ─────────────────────────────────────────────────────

function mustBeText(input: unknown): string {
  if (typeof input === 'number' || typeof input === 'boolean') {
    return `must be text; put it in quotes, e.g. "${String(input)}"`;
  }
  return 'must be text, not a list or a group of fields';
}

/** Text that is trimmed; `required` is the message for a missing or empty value. */
function text(required?: string) {
  const base = z
    .string({ error: (issue) => (issue.input === undefined && required ? required : mustBeText(issue.input)) })
    .trim();
  return required ? base.min(1, required) : base;
}

const optionalText = () => text().optional();

/** `value` or `[value, …]`, as editors write one author or several. */
function oneOrMany<T extends z.ZodType>(item: T, required: string, shape: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' || typeof value === 'number' ? [value] : value),
    z
      .array(item, { error: (issue) => (issue.input === undefined ? required : shape) })
      .min(1, required),
  );
}

function dateTime(required?: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined && required
          ? required
          : `${JSON.stringify(issue.input)} is not an ISO 8601 date; write it like ${DATE_EXAMPLE}`,
    })
    .transform((value, ctx) => {
      const parsed = parseDateTime(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message, input: value });
        return z.NEVER;
      }
      return { text: value.trim(), iso: parsed.iso, time: parsed.time };
    });
}

/** Another article named by its slug (`redirectFrom`, `translationOf`); `rule` says how to write a valid one. */
function slugReference(error: string, rule: string) {
  return z
    .union([z.string(), z.number()], { error })
    .transform((value) => String(value).trim())
    .superRefine((slug, ctx) => {
      if (!isFileSlug(slug)) {
        ctx.addIssue({ code: 'custom', message: `"${slug}" is not a valid slug; ${rule}, e.g. ${suggestFileSlug(slug)}` });
      }
    });
}

export type ArticleSchemaContext = {
  /** Known author ids (file names in the authors folder). */
  authorIds: ReadonlySet<string>;
  /** Lower-cased category name → the name as written in categories.yml. */
  categoryNames: ReadonlyMap<string, string>;
  /** Where authors live, as the editor sees it, e.g. `content/authors/`. */
  authorsDir: string;
};

export const TITLE_LIMIT = 200;
/** A breaking strip is one line on a phone. */
export const BREAKING_LIMIT = 120;
const HTML_TAG = /<\/?[a-z][^>]*>/i;

export function createArticleFrontMatterSchema(context: ArticleSchemaContext) {
  const authorIds = [...context.authorIds].sort();
  const categoryNames = [...context.categoryNames.values()];
  const authorExample = authorIds[0] ?? 'jane-doe';

  const authorId = z
    .union([z.string(), z.number()], { error: `must be an author id, e.g. ${authorExample}` })
    .transform((value) => String(value).trim())
    .superRefine((id, ctx) => {
      if (context.authorIds.has(id)) return;
      const guess = closestMatch(id, authorIds);
      const hint = guess
        ? `did you mean "${guess}"?`
        : `known authors: ${authorIds.length ? listNames(authorIds) : 'none yet'}.`;
      ctx.addIssue({ code: 'custom', message: `unknown author "${id}"; ${hint} Authors are files in ${context.authorsDir}` });
    });

  const categoryName = z
    .union([z.string(), z.number()], { error: 'must be a category name from categories.yml' })
    .transform((value, ctx) => {
      const name = String(value).trim();
      const known = context.categoryNames.get(name.toLowerCase());
      if (known !== undefined) return known;
      const guess = closestMatch(name, categoryNames);
      const hint = guess
        ? `did you mean "${guess}"?`
        : categoryNames.length > 0
          ? `use one of: ${listNames(categoryNames)}`
          : 'categories.yml lists none yet';
      ctx.addIssue({ code: 'custom', message: `unknown category "${name}"; ${hint}` });
      return z.NEVER;
    });

  const tagName = z
    .union([z.string(), z.number()], { error: 'each tag must be a word or phrase' })
    .transform((value) => String(value).trim())
    .superRefine((name, ctx) => {
      if (slugify(name) === '') {
        ctx.addIssue({ code: 'custom', message: `"${name}" has no letters or digits; write the tag as a word` });
      }
    });

  const oldSlug = slugReference('each old slug must be text, e.g. redirectFrom: [budget-passed]', 'use lower-case letters, digits and hyphens');

  const fields = {
    title: text('is required; add a headline, e.g. title: "Parliament passes budget"').superRefine((title, ctx) => {
      const length = [...title].length;
      if (length > TITLE_LIMIT) {
        ctx.addIssue({ code: 'custom', message: `is ${length} characters long; the limit is ${TITLE_LIMIT}` });
      }
      if (HTML_TAG.test(title)) {
        ctx.addIssue({ code: 'custom', message: 'must be plain text; remove the HTML tags' });
      }
    }),
    date: dateTime(`is required; add the publication time, e.g. date: ${DATE_EXAMPLE}`),
    updated: dateTime().optional(),
    author: oneOrMany(
      authorId,
      `is required; add an author id from ${context.authorsDir}, e.g. author: ${authorExample}`,
      'must be an author id or a list of author ids',
    ),
    source: optionalText(),
    categories: oneOrMany(
      categoryName,
      categoryNames.length > 0
        ? `is required; list at least one of: ${listNames(categoryNames)}`
        : 'is required; list at least one category from categories.yml',
      'must be a list of category names',
    ),
    tags: z
      .preprocess(
        (value) => (typeof value === 'string' || typeof value === 'number' ? [value] : value),
        z.array(tagName, { error: 'must be a list of tags, e.g. tags: [budget, parliament]' }),
      )
      .optional(),
    excerpt: optionalText(),
    image: optionalText().superRefine((image, ctx) => {
      if (image !== undefined && (!image.startsWith('/') || image.startsWith('//') || image.split('/').includes('..'))) {
        ctx.addIssue({
          code: 'custom',
          message: `"${image}" must be a path under public/ starting with /, e.g. /images/kabul.jpg`,
        });
      }
    }),
    imageAlt: optionalText(),
    imageCaption: optionalText(),
    imageCredit: optionalText(),
    draft: z.boolean({ error: 'must be true or false' }).default(false),
    featured: z.boolean({ error: 'must be true or false' }).default(false),
    featuredUntil: dateTime().optional(),
    breaking: optionalText().superRefine((breaking, ctx) => {
      const length = breaking === undefined ? 0 : [...breaking].length;
      if (length > BREAKING_LIMIT) {
        ctx.addIssue({ code: 'custom', message: `is ${length} characters long; a breaking strip is at most ${BREAKING_LIMIT}` });
      }
      if (breaking !== undefined && HTML_TAG.test(breaking)) ctx.addIssue({ code: 'custom', message: 'must be plain text; remove the HTML tags' });
    }),
    breakingUntil: dateTime().optional(),
    lang: optionalText().transform((lang, ctx) => {
      if (lang === undefined) return site.defaultLang;
      const canonical = canonicalLanguageTag(lang);
      if (canonical !== undefined) return canonical;
      ctx.addIssue({
        code: 'custom',
        message: `"${lang}" is not a BCP 47 language tag; use e.g. en, fa-AF, ps, ur`,
      });
      return z.NEVER;
    }),
    corrections: z
      .array(
        z.strictObject(
          {
            date: dateTime(`is required; say when the correction was made, e.g. date: ${DATE_EXAMPLE}`),
            text: text('is required; say what was wrong and what is right, e.g. text: "An earlier version gave the wrong vote count."'),
          },
          { error: 'each correction is a date and a text, e.g. - { date: 2026-11-03T10:00:00+04:30, text: "…" }' },
        ),
        { error: 'must be a list of corrections, each with date and text' },
      )
      .optional(),
    translationOf: slugReference(
      'must be the slug of the original article, e.g. translationOf: budget-vote',
      "use the original's file name without .md",
    ).optional(),
    redirectFrom: z
      .preprocess(
        (value) => (typeof value === 'string' || typeof value === 'number' ? [value] : value),
        z.array(oldSlug, { error: 'must be a list of old slugs, e.g. redirectFrom: [budget-passed]' }),
      )
      .optional(),
  };

  const frontMatter = z.strictObject(fields);

  // Cross-field rules live in their own schemas: zod skips the refinements of
  // an object with an invalid field, but editors should see these problems too.
  const relation = { relation: true };
  const dateRelations = z
    // Corrections are looked at one by one: one without a date must not hide another dated too early.
    .object({ date: fields.date, updated: fields.updated, corrections: z.unknown().optional() })
    .superRefine((value, ctx) => {
      if (value.updated && value.updated.time < value.date.time) {
        ctx.addIssue({
          code: 'custom',
          path: ['updated'],
          params: relation,
          message: `is before date (${value.date.text}); an update cannot precede publication`,
        });
      }
      (Array.isArray(value.corrections) ? value.corrections : []).forEach((correction: unknown, index) => {
        const corrected = dateTime().safeParse(isRecord(correction) ? correction.date : undefined);
        if (corrected.success && corrected.data.time < value.date.time) {
          ctx.addIssue({
            code: 'custom',
            path: ['corrections', index, 'date'],
            params: relation,
            message: `is before date (${value.date.text}); a correction comes after publication`,
          });
        }
      });
    });
  // A strip or a lead with no end would stay until someone remembers it; both end with the story at the latest.
  const promotionRelations = z
    .object({
      date: fields.date,
      featured: z.unknown().optional(),
      featuredUntil: fields.featuredUntil,
      breaking: z.unknown().optional(),
      breakingUntil: fields.breakingUntil,
    })
    .superRefine((value, ctx) => {
      const after = (field: 'featuredUntil' | 'breakingUntil', what: string) => {
        const until = value[field];
        if (until && until.time <= value.date.time) {
          ctx.addIssue({ code: 'custom', path: [field], params: relation, message: `is not after date (${value.date.text}); ${what}` });
        }
      };
      if (value.featuredUntil && value.featured !== true) {
        ctx.addIssue({
          code: 'custom',
          path: ['featuredUntil'],
          params: relation,
          message: 'only ends a featured article; add featured: true or remove featuredUntil',
        });
      }
      after('featuredUntil', 'the article would never lead');
      if (value.breaking !== undefined && value.breaking !== '' && !value.breakingUntil) {
        ctx.addIssue({
          code: 'custom',
          path: ['breaking'],
          params: relation,
          message: `needs breakingUntil, the time the strip stops showing, e.g. breakingUntil: ${DATE_EXAMPLE}`,
        });
      }
      if (value.breakingUntil && (value.breaking === undefined || value.breaking === '')) {
        ctx.addIssue({
          code: 'custom',
          path: ['breakingUntil'],
          params: relation,
          message: 'ends a breaking strip, and there is none; add breaking: "…" or remove breakingUntil',
        });
      }
      after('breakingUntil', 'the strip would never show');
    });
  const imageRelations = z
    .object({
      image: fields.image,
      imageAlt: fields.imageAlt,
      imageCaption: fields.imageCaption,
      imageCredit: fields.imageCredit,
    })
    .superRefine((value, ctx) => {
      if (value.image !== undefined && !value.imageAlt) {
        ctx.addIssue({
          code: 'custom',
          // Reported on the image line: that is where the picture is named.
          path: ['image'],
          params: { ...relation, field: 'imageAlt' },
          message: 'is required when image is set; describe the picture for readers who cannot see it',
        });
      }
      for (const field of ['imageAlt', 'imageCaption', 'imageCredit'] as const) {
        if (value.image === undefined && value[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            params: relation,
            message: `is only shown with a picture; add image or remove ${field}`,
          });
        }
      }
    });

  return { frontMatter, relations: [dateRelations, promotionRelations, imageRelations], knownFields: Object.keys(fields) };
}

export type ArticleFrontMatterSchemas = ReturnType<typeof createArticleFrontMatterSchema>;
export type ArticleFrontMatter = z.infer<ArticleFrontMatterSchemas['frontMatter']>;

export const categoryEntrySchema = z.strictObject({
  name: text('is required; add the category name, e.g. name: Politics'),
  description: text('is required; add a one-line description, e.g. description: "Parliament, parties and elections"'),
  slug: optionalText().superRefine((slug, ctx) => {
    if (slug !== undefined && !isNameSlug(slug)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${slug}" is not a valid slug; use lower-case letters, digits and hyphens, e.g. ${slugify(slug) || 'politics'}`,
      });
    }
  }),
});
export type CategoryEntry = z.infer<typeof categoryEntrySchema>;

export const REMOVED_DATE_EXAMPLE = '2026-11-20';
const REMOVED_SLUG_REQUIRED = 'is required; add the slug of the removed article, e.g. slug: budget-passed';

const removedDate = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? `is required; add the day the article was taken down, e.g. removed: ${REMOVED_DATE_EXAMPLE}`
        : `${JSON.stringify(issue.input)} is not an ISO 8601 date; write it like ${REMOVED_DATE_EXAMPLE}`,
  })
  .transform((value, ctx) => {
    const text = value.trim();
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (day) {
      const [year, month, date] = day.slice(1).map(Number) as [number, number, number];
      const real = new Date(Date.UTC(year, month - 1, date));
      if (real.getUTCMonth() === month - 1 && real.getUTCDate() === date) return text;
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a real date; write it like ${REMOVED_DATE_EXAMPLE}` });
      return z.NEVER;
    }
    const parsed = parseDateTime(text);
    if (parsed.ok) return parsed.iso;
    ctx.addIssue({
      code: 'custom',
      message: `"${text}" is not an ISO 8601 date; write a day like ${REMOVED_DATE_EXAMPLE} or a time like ${DATE_EXAMPLE}`,
    });
    return z.NEVER;
  });

/** One entry of `content/removed.yml`: an article taken down for good, whose address answers 410 Gone. */
export const removedEntrySchema = z.strictObject({
  slug: z
    .union([z.string(), z.number()], {
      error: (issue) =>
        issue.input === undefined
          ? REMOVED_SLUG_REQUIRED
          : 'must be the slug of the removed article, e.g. slug: budget-passed',
    })
    .transform((value) => String(value).trim())
    .superRefine((slug, ctx) => {
      if (slug === '') {
        ctx.addIssue({ code: 'custom', message: REMOVED_SLUG_REQUIRED });
      } else if (!isFileSlug(slug)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${slug}" is not a valid slug; use lower-case letters, digits and hyphens, e.g. ${suggestFileSlug(slug)}`,
        });
      }
    }),
  removed: removedDate,
  reason: optionalText(),
});
export type RemovedArticle = {
  slug: string;
  /** `YYYY-MM-DD` as written, or an ISO 8601 time in UTC. */
  removed: string;
  reason?: string;
};

export const authorFrontMatterSchema = z.strictObject({
  name: text('is required; add the author\'s name, e.g. name: "Jane Doe"'),
  role: optionalText(),
});
export type AuthorFrontMatter = z.infer<typeof authorFrontMatterSchema>;
