import type { Locator, Page } from '@playwright/test';

// The parts of an article page a reader uses, found by role and label.
export class ArticlePage {
  readonly article: Locator;
  readonly headline: Locator;
  readonly breadcrumb: Locator;
  readonly categoryTags: Locator;
  readonly backToTop: Locator;

  constructor(readonly page: Page) {
    this.article = page.locator('main article').first();
    this.headline = page.getByRole('heading', { level: 1 });
    this.breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    this.categoryTags = this.article.getByRole('list', { name: 'Categories' }).first();
    this.backToTop = page.getByRole('link', { name: 'Back to top' });
  }

  async goto(slug: string) {
    return this.page.goto(`/articles/${slug}`);
  }
}
