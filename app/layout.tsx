import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import { notoSerif } from '@/app/fonts';
import { BackToTop } from '@/components/back-to-top';
import { BreakingStrip } from '@/components/layout/breaking-strip';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { SkipLink } from '@/components/layout/skip-link';
import { getBreakingNews, getCategories } from '@/lib/content';
import { messagesFor } from '@/lib/i18n';
import { siteMetadata } from '@/lib/seo';
import { getSettings } from '@/lib/settings';
import { site } from '@/lib/site';

import './globals.css';

export function generateMetadata(): Metadata {
  return siteMetadata(getSettings());
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const settings = getSettings();
  const categories = getCategories();
  return (
    <html lang={settings.siteLang} className={notoSerif.variable}>
      <body className="flex min-h-dvh flex-col bg-paper text-ink antialiased">
        <SkipLink />
        <BreakingStrip articles={getBreakingNews()} />
        <SiteHeader siteName={settings.siteName} tagline={site.tagline} categories={categories} />
        {/* tabIndex lets the skip link move focus here in every browser. */}
        <main id="main" tabIndex={-1} className="flex-1 outline-none">
          {children}
        </main>
        <BackToTop label={messagesFor(settings.siteLang).article.backToTop} />
        <SiteFooter siteName={settings.siteName} description={settings.siteDescription} categories={categories} />
      </body>
    </html>
  );
}
