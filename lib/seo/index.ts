// What search engines, feed readers and link previews read: page metadata,
// structured data, feeds, sitemaps and robots rules. The rest of the code
// imports this module; the files beside it are its parts.
export * from '@/lib/seo/dates';
export * from '@/lib/seo/feeds';
export * from '@/lib/seo/html';
export * from '@/lib/seo/json-ld';
export * from '@/lib/seo/metadata';
export * from '@/lib/seo/news-sitemap';
export * from '@/lib/seo/robots';
export * from '@/lib/seo/sitemap';
export * from '@/lib/seo/source';
export * from '@/lib/seo/xml';
