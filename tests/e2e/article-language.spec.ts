import { expect, test, type Browser, type BrowserContext } from '@playwright/test';

import { ArticlePage, type ArticleLabels } from './pages/article-page';
import { CommentSection, type CommentFormLabels } from './pages/comment-section';
import { readerHeaders } from './support/submissions';

// The sample Dari explainer, filed by the Kabul desk at 09:00 +04:30 on 15 November 2026.
const DARI_SLUG = 'hijri-shamsi-calendar-explained';
const ENGLISH_SLUG = 'how-the-senate-of-pakistan-is-elected';

const DARI_ARTICLE: ArticleLabels = { breadcrumb: 'مسیر صفحه', categories: 'بخش‌ها', backToTop: 'بازگشت به بالا' };
const DARI_FORM: CommentFormLabels = {
  comment: 'دیدگاه',
  name: 'نام',
  email: 'ایمیل',
  website: 'وب‌سایت',
  submit: 'فرستادن دیدگاه',
  cancelReply: 'لغو پاسخ',
};

async function reader(browser: Browser, options: { javaScript: boolean }): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: options.javaScript, extraHTTPHeaders: readerHeaders() });
}

test.describe('an article in its own language', () => {
  test('a Dari article is Dari and right to left from its tags to its comment form', async ({ page }) => {
    const article = new ArticlePage(page, DARI_ARTICLE);
    await article.goto(DARI_SLUG);

    await expect(article.article).toHaveAttribute('lang', 'fa-AF');
    await expect(article.article).toHaveAttribute('dir', 'rtl');
    await expect(article.breadcrumb.getByRole('link', { name: 'صفحهٔ نخست' })).toHaveAttribute('href', '/');
    await expect(article.categoryTags.getByRole('link')).toHaveText(['جامعه', 'افغانستان']);
    await expect(article.article.getByText(/^نوشتهٔ /)).toHaveText('نوشتهٔ Nargis Amiryar');

    const published = article.article.locator('header time').first();
    await expect(published).toHaveAttribute('datetime', '2026-11-15T04:30:00.000Z');
    await expect(published).toHaveText('۲۴ عقرب ۱۴۰۵ برابر با ۱۵ نومبر ۲۰۲۶، ساعت ۰۹:۰۰ (وقت افغانستان)');
    await expect(article.article.getByText(/دقیقه مطالعه$/)).toHaveCount(1);
    await expect(article.article.getByRole('heading', { name: 'کلیدواژه‌ها' })).toHaveCount(1);
    await expect(page.getByText(/GMT|min read/)).toHaveCount(0);

    const section = new CommentSection(page, DARI_FORM);
    await expect(section.region).toHaveAttribute('lang', 'fa-AF');
    await expect(section.region).toHaveCSS('direction', 'rtl');
    await expect(section.form).toHaveCSS('direction', 'rtl');
    await expect(section.heading).toHaveText('۰ دیدگاه');
    await expect(section.formHeading).toHaveText('دیدگاه خود را بنویسید');
    await expect(section.form).toContainText('آدرس ایمیل شما نشر نمی‌شود. بخش‌های ضروری با * نشانی شده‌اند.');
    await expect(section.submit).toBeVisible();
    await expect(section.website).toBeVisible();
    // Right to left for real: the label starts at the right edge of the form, as its text does.
    const form = (await section.form.boundingBox())!;
    const label = (await section.form.locator('label[for="comment-form-comment"]').boundingBox())!;
    expect(form.x + form.width - (label.x + label.width)).toBeLessThan(2);
    await expect(page.getByRole('heading', { name: 'Leave a Reply' })).toHaveCount(0);
  });

  test('its back-to-top control is in Dari, in the left corner, with JavaScript and without', async ({ browser }) => {
    for (const javaScript of [true, false]) {
      const context = await reader(browser, { javaScript });
      const page = await context.newPage();
      const article = new ArticlePage(page, DARI_ARTICLE);
      await article.goto(DARI_SLUG);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

      // One control, in Dari: the layout's English one steps aside.
      await expect(article.backToTop).toBeVisible();
      await expect(page.getByRole('link', { name: 'Back to top' })).toHaveCount(0);
      await expect(article.backToTop).toHaveAttribute('href', '#top');
      if (javaScript) {
        // The corner button sits at the reading direction's end: the left, for a right-to-left page.
        const box = (await article.backToTop.boundingBox())!;
        expect(box.x + box.width / 2).toBeLessThan(page.viewportSize()!.width / 2);
      } else {
        await expect(article.backToTop).toHaveText('↑ بازگشت به بالا');
      }
      await article.backToTop.click();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      await context.close();
    }
  });

  test('the body’s emphasis is upright, never a slanted Vazirmatn', async ({ page }) => {
    await new ArticlePage(page).goto(DARI_SLUG);
    const emphasis = page.locator('.prose-article em').last();
    await expect(emphasis).toHaveCSS('font-style', 'normal');
    await expect(emphasis).toHaveCSS('font-synthesis', 'none');
    await expect(emphasis).toHaveCSS('font-weight', '700');
  });

  test('a Dari reader’s mistakes are answered in Dari, with JavaScript and without', async ({ browser }) => {
    for (const javaScript of [true, false]) {
      const context = await reader(browser, { javaScript });
      const page = await context.newPage();
      const section = new CommentSection(page, DARI_FORM);
      await section.gotoArticle(DARI_SLUG);
      await section.fill({ comment: '', name: 'زهره احمدی', email: 'not-an-email' });
      await section.submit.click();

      await expect(section.alert).toHaveText('دیدگاه شما فرستاده نشد. لطفاً بخش‌هایی را که در پایین نشانی شده‌اند درست کنید.');
      await expect(section.comment).toHaveAttribute('aria-invalid', 'true');
      await expect(section.comment).toHaveAccessibleDescription('لطفاً دیدگاه خود را بنویسید.');
      await expect(section.email).toHaveAttribute('aria-invalid', 'true');
      await expect(section.email).toHaveAccessibleDescription('لطفاً یک آدرس ایمیل درست بنویسید، مانند name@example.com');
      await expect(section.name).toHaveValue('زهره احمدی');
      await expect(section.form).toHaveCSS('direction', 'rtl');
      await expect(page).toHaveURL(new RegExp(`/articles/${DARI_SLUG}(#comment-form-message)?$`));
      await expect(section.alert).toBeInViewport();
      await expect(page.getByText('Please write a comment.')).toHaveCount(0);
      await context.close();
    }
  });

  test('an English article keeps its English words and direction', async ({ page }) => {
    const article = new ArticlePage(page);
    await article.goto(ENGLISH_SLUG);
    await expect(article.breadcrumb.getByRole('link', { name: 'Home' })).toBeVisible();
    const section = new CommentSection(page);
    await expect(section.region).not.toHaveAttribute('dir');
    await expect(section.region).not.toHaveAttribute('lang');
    await expect(section.formHeading).toHaveText('Leave a Reply');
    // Filed by the Islamabad desk at +05:00: its time is Pakistan's, named, not an offset.
    await expect(article.article.locator('header time').first()).toHaveText('9 November 2026 at 10:00 Pakistan Standard Time');
  });
});
