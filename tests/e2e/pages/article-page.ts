import type { Locator, Page } from '@playwright/test';

/** The site's words a reader finds an article page's parts by; an article in another language has its own. */
export type ArticleLabels = { breadcrumb: string; categories: string; backToTop: string };

export const ENGLISH_ARTICLE_LABELS: ArticleLabels = { breadcrumb: 'Breadcrumb', categories: 'Categories', backToTop: 'Back to top' };

// The parts of an article page a reader uses, found by role and label.
export class ArticlePage {
  readonly article: Locator;
  readonly headline: Locator;
  readonly breadcrumb: Locator;
  readonly categoryTags: Locator;
  readonly backToTop: Locator;

  constructor(
    readonly page: Page,
    labels: ArticleLabels = ENGLISH_ARTICLE_LABELS,
  ) {
    this.article = page.locator('main article').first();
    this.headline = page.getByRole('heading', { level: 1 });
    this.breadcrumb = page.getByRole('navigation', { name: labels.breadcrumb });
    this.categoryTags = this.article.getByRole('list', { name: labels.categories }).first();
    this.backToTop = page.getByRole('link', { name: labels.backToTop });
  }

  async goto(slug: string) {
    return this.page.goto(`/articles/${slug}`);
  }
}
