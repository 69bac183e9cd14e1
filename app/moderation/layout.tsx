import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  title: 'Moderation',
  robots: { index: false, follow: false },
  referrer: 'same-origin',
};

export default function ModerationLayout({ children }: { children: ReactNode }) {
  return <div className="mx-auto flex max-w-page flex-col gap-6 px-4 py-8">{children}</div>;
}
