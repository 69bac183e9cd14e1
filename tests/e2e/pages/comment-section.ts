import type { Locator, Page } from '@playwright/test';

export type CommentFields = { comment?: string; name?: string; email?: string; website?: string };

/** The form's words a reader finds its parts by; an article in another language has its own. */
export type CommentFormLabels = { comment: string; name: string; email: string; website: string; submit: string; cancelReply: string };

export const ENGLISH_FORM_LABELS: CommentFormLabels = {
  comment: 'Comment',
  name: 'Name',
  email: 'Email',
  website: 'Website',
  submit: 'Post Comment',
  cancelReply: 'Cancel reply',
};

// The comment section of an article page, found by role and label.
export class CommentSection {
  readonly region: Locator;
  readonly heading: Locator;
  readonly formHeading: Locator;
  readonly form: Locator;
  readonly comment: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly website: Locator;
  readonly submit: Locator;
  readonly alert: Locator;
  readonly cancelReply: Locator;

  constructor(
    readonly page: Page,
    labels: CommentFormLabels = ENGLISH_FORM_LABELS,
  ) {
    this.region = page.locator('section#comments');
    this.heading = this.region.getByRole('heading', { level: 2 }).first();
    this.formHeading = this.region.locator('#leave-a-reply');
    this.form = this.region.locator('form');
    this.comment = this.form.getByRole('textbox', { name: labels.comment });
    this.name = this.form.getByRole('textbox', { name: labels.name });
    this.email = this.form.getByRole('textbox', { name: labels.email });
    this.website = this.form.getByRole('textbox', { name: labels.website });
    this.submit = this.form.getByRole('button', { name: labels.submit });
    this.alert = this.form.getByRole('alert');
    this.cancelReply = this.region.getByRole('link', { name: labels.cancelReply });
  }

  async gotoArticle(slug: string) {
    return this.page.goto(`/articles/${slug}`);
  }

  /** The no-JavaScript reply page for one comment. */
  async gotoReply(slug: string, commentId: number) {
    return this.page.goto(`/articles/${slug}/reply/${commentId}`);
  }

  async fill(fields: CommentFields) {
    if (fields.comment !== undefined) await this.comment.fill(fields.comment);
    if (fields.name !== undefined) await this.name.fill(fields.name);
    if (fields.email !== undefined) await this.email.fill(fields.email);
    if (fields.website !== undefined) await this.website.fill(fields.website);
  }

  commentItem(id: number): Locator {
    return this.region.locator(`article#comment-${id}`);
  }

  replyLink(name: string): Locator {
    return this.region.getByRole('link', { name: `Reply to ${name}`, exact: true });
  }
}
