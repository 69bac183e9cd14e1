import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { ArticleHeader } from '@/components/article/article-header';
import { articleLocale } from '@/lib/i18n';

import { amina, makeArticle, omar } from '../fixtures';

describe('ArticleHeader', () => {
  it('has a breadcrumb from Home to the primary category', () => {
    render(<ArticleHeader article={makeArticle()} />);

    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    const items = within(within(breadcrumb).getByRole('list')).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(breadcrumb).getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
    expect(within(breadcrumb).getByRole('link', { name: 'Security' })).toHaveAttribute('href', '/category/security');
  });

  it('shows the category tags, the headline and the source', () => {
    render(<ArticleHeader article={makeArticle({ source: 'DID Press' })} />);

    expect(screen.getByRole('list', { name: 'Categories' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Border talks resume after a week of clashes' })).toBeInTheDocument();
    expect(screen.getByText('DID Press')).toBeInTheDocument();
  });

  it('links every author in the byline', () => {
    render(<ArticleHeader article={makeArticle({ authors: [amina, omar] })} />);

    const first = screen.getByRole('link', { name: 'Amina Rahimi' });
    const second = screen.getByRole('link', { name: 'Omar Siddiqi' });
    expect(first).toHaveAttribute('href', '/author/amina-rahimi');
    expect(second).toHaveAttribute('href', '/author/omar-siddiqi');
    expect(first.closest('p')).toHaveTextContent('By Amina Rahimi and Omar Siddiqi');
  });

  it('shows the publication time in the newsroom zone, and no update marker when not updated', () => {
    const { container } = render(<ArticleHeader article={makeArticle()} />);

    const times = container.querySelectorAll('time');
    expect(times).toHaveLength(1);
    expect(times[0]).toHaveAttribute('datetime', '2026-11-02T04:30:00.000Z');
    expect(times[0]).toHaveTextContent('2 November 2026 at 09:00');
    expect(screen.queryByText(/Updated/)).not.toBeInTheDocument();
    expect(screen.getByText('4 min read')).toBeInTheDocument();
  });

  it('shows a visible "Updated" time when the article was updated', () => {
    render(<ArticleHeader article={makeArticle({ updated: '2026-11-03T10:15:00.000Z' })} />);

    const marker = screen.getByText(/^Updated/);
    expect(marker).toBeVisible();
    const time = within(marker).getByText(/3 November 2026/);
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', '2026-11-03T10:15:00.000Z');
  });

  it('keeps the site language on its labels inside an article in a language without messages', () => {
    const article = makeArticle({ lang: 'ar', dir: 'rtl' });
    render(<ArticleHeader article={article} locale={articleLocale(article, 'en')} />);

    expect(screen.getByRole('navigation', { name: 'Breadcrumb' })).toHaveAttribute('lang', 'en');
    expect(screen.getByText('4 min read')).toHaveAttribute('dir', 'ltr');
  });

  it('speaks the language of a Dari article: Dari labels, Solar Hijri dates, no foreign lang attribute', () => {
    const article = makeArticle({ lang: 'fa-AF', dir: 'rtl', dateOffset: '+04:30' });
    const { container } = render(<ArticleHeader article={article} locale={articleLocale(article, 'en')} />);

    const breadcrumb = screen.getByRole('navigation', { name: 'مسیر صفحه' });
    expect(breadcrumb).not.toHaveAttribute('lang');
    expect(within(breadcrumb).getByRole('link', { name: 'صفحهٔ نخست' })).toHaveAttribute('href', '/');
    const categories = screen.getByRole('list', { name: 'بخش‌ها' });
    expect(
      within(categories)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['امنیت', 'سیاست']);
    expect(screen.getByText(/^نوشتهٔ/)).toHaveTextContent('نوشتهٔ Amina Rahimi');
    expect(screen.getByText('۴ دقیقه مطالعه')).toBeInTheDocument();
    const time = container.querySelector('time');
    expect(time).toHaveAttribute('dir', 'rtl');
    expect(time).toHaveTextContent('۱۱ عقرب ۱۴۰۵ برابر با ۲ نومبر ۲۰۲۶، ساعت ۰۹:۰۰ (وقت افغانستان)');
  });
});
