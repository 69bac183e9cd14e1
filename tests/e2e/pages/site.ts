import type { Page } from '@playwright/test';

export const LONG_ARTICLE = 'understanding-the-durand-line';
export const RTL_ARTICLE = 'hijri-shamsi-calendar-explained';
export const TABLE_ARTICLE = 'how-pakistan-runs-a-general-election';
export const DRAFT_ARTICLE = 'draft-national-finance-commission-explainer';
export const SCHEDULED_ARTICLE = 'scheduled-sample-year-ahead';

/** How far the page can scroll sideways; 0 means it fits the viewport. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
