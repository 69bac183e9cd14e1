import { notFound } from 'next/navigation';

/**
 * The `[page]` segment of `/…/page/N`. Page 1 has no such URL (it is the
 * listing's base path), so only canonical numbers from 2 up are pages;
 * anything else, "1", "02" or "two", is a 404 rather than a duplicate URL.
 */
export function parsePageParam(value: string): number {
  if (!/^[1-9][0-9]{0,5}$/.test(value)) notFound();
  const page = Number(value);
  if (page < 2) notFound();
  return page;
}

/** The `[page]` values a listing with `totalPages` pages prerenders: "2" … "N". */
export function laterPageParams(totalPages: number): string[] {
  return Array.from({ length: Math.max(0, totalPages - 1) }, (_, index) => String(index + 2));
}
