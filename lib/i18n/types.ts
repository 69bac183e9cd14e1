import type { CommentFormText } from '@/lib/comments/form';

/** A count's words by plural category (Intl.PluralRules); `{count}` is the number, in the language's digits. */
export type Plural = { one: string; other: string };

/** The calendars a messages file may name: a Unicode calendar identifier, as `-u-ca-` takes it. */
export type Calendar = 'gregory' | 'persian';

/**
 * Every word the site prints on an article page, in one UI language. Each
 * messages file is typed by this, so the compiler refuses a missing key.
 * Placeholders are written `{name}`.
 */
export type Messages = {
  /** The BCP 47 tag these words are in: the honest `lang` of every label. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The calendar readers of this language date things by; a Gregorian date is shown beside any other. */
  calendar: Calendar;
  dates: {
    /** `{day}`, `{month}`, `{year}`: the calendar's parts, in the language's digits. */
    date: string;
    /** A date in `calendar` with the Gregorian `{gregorian}` beside it. */
    withGregorian: string;
    /** `{date}`, `{time}` (hours and minutes), `{zone}` (the zone's long name). */
    dateTime: string;
  };
  /** Names of the site's own sections, by category slug; a section not named here keeps its English name. */
  categories: Partial<Record<string, string>>;
  article: {
    breadcrumb: string;
    home: string;
    categories: string;
    /** Read before the dateline by screen readers. */
    source: string;
    /** `{names}` is the list of authors. */
    byline: string;
    /** Between the last two authors, and between the others. */
    and: string;
    comma: string;
    /** `{date}` is the publication time. */
    published: string;
    updated: string;
    readingTime: Plural;
    tags: string;
    correction: string;
    corrections: string;
    moreArticles: string;
    previous: string;
    next: string;
    related: string;
    /** Before the links to the story's versions in other languages. */
    alsoIn: string;
    backToTop: string;
    share: {
      /** Before the share links. */
      heading: string;
      /** A network's link's accessible name; `{network}` is its name ("X", "WhatsApp"). */
      on: string;
      email: string;
      /** The copy-link control, and what it says once the address is copied. */
      copy: string;
      copied: string;
    };
  };
  comments: {
    count: Plural;
    /** After the count on comment pages past the first. */
    page: string;
    none: string;
    reply: string;
    /** `{name}` is the commenter answered. */
    replyTo: string;
    inReplyTo: string;
    pages: string;
    earlier: string;
    later: string;
    /** Read before a page number. */
    pageNumber: string;
    /** Above the article's headline on its comment pages. */
    on: string;
  };
  commentForm: CommentFormText;
};
