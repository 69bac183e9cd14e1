import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';

import { BackToTop } from '@/components/back-to-top';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { SkipLink } from '@/components/layout/skip-link';
import { getCategories } from '@/lib/content';
import { site } from '@/lib/site';

import './globals.css';

export const metadata: Metadata = {
  title: { default: `${site.name}: ${site.tagline}`, template: `%s | ${site.name}` },
  description: site.description,
  applicationName: site.name,
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const categories = getCategories();
  return (
    <html lang={site.defaultLang}>
      <body className="flex min-h-dvh flex-col bg-paper text-ink antialiased">
        <SkipLink />
        <SiteHeader siteName={site.name} tagline={site.tagline} categories={categories} />
        {/* tabIndex lets the skip link move focus here in every browser. */}
        <main id="main" tabIndex={-1} className="flex-1 outline-none">
          {children}
        </main>
        <BackToTop />
        <SiteFooter siteName={site.name} description={site.description} categories={categories} />
      </body>
    </html>
  );
}
