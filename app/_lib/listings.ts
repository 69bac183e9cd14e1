import {
  getArticlesByAuthor,
  getArticlesByCategory,
  getArticlesByTag,
  getAuthor,
  getAuthors,
  getCategories,
  getCategory,
  getFeatured,
  getLatestArticles,
  getTag,
  getTags,
  type ArticleSummary,
  type Category,
  type Paginated,
} from '@/lib/content';
import { authorPath, categoryPath, tagPath } from '@/lib/routes';
import { site } from '@/lib/site';

/** What a listing page shows: the front page and every archive share this shape. */
export type Listing = {
  title: string;
  kicker?: string;
  description?: string;
  /** A front-page listing gets a compact heading and a lead story. */
  front?: boolean;
  basePath: string;
  /** A section archive also advertises the section's own feed. */
  category?: Pick<Category, 'slug' | 'name'>;
  /** The featured article that leads the first page (`featured: true`), wherever it falls in the list. */
  featured?: ArticleSummary;
  result: Paginated<ArticleSummary>;
};

/** One kind of listing (the front page, or all archives of one kind), keyed by slug or id. */
export type ListingSource = {
  keys(): string[];
  load(key: string, page: number): Listing | null;
};

// A listing that exists but has nothing in it yet (a new section, an empty
// site) still gets its first page, so the links to it never lead to a 404.
function firstPageOrNull(result: Paginated<ArticleSummary> | null, page: number): Paginated<ArticleSummary> | null {
  if (result || page !== 1) return result;
  return { items: [], page: 1, totalPages: 1, totalItems: 0, pageSize: site.pageSize };
}

export const latestListing: ListingSource = {
  keys: () => [''],
  load(_key, page) {
    const result = firstPageOrNull(getLatestArticles(page), page);
    if (!result) return null;
    const featured = (page === 1 && getFeatured()) || undefined;
    return { title: 'Latest news', front: true, basePath: '/', featured, result };
  },
};

export const categoryListing: ListingSource = {
  keys: () => getCategories().map((category) => category.slug),
  load(slug, page) {
    const category = getCategory(slug);
    const result = category && firstPageOrNull(getArticlesByCategory(slug, page), page);
    if (!category || !result) return null;
    const { name, description } = category;
    const featured = (page === 1 && getFeatured(slug)) || undefined;
    return { kicker: 'Section', title: name, description, basePath: categoryPath(slug), category, featured, result };
  },
};

export const tagListing: ListingSource = {
  keys: () => getTags().map((tag) => tag.slug),
  load(slug, page) {
    const tag = getTag(slug);
    const result = tag && firstPageOrNull(getArticlesByTag(slug, page), page);
    if (!tag || !result) return null;
    const description = `Articles tagged “${tag.name}”, newest first.`;
    return { kicker: 'Tag', title: tag.name, description, basePath: tagPath(slug), result };
  },
};

export const authorListing: ListingSource = {
  keys: () => getAuthors().map((author) => author.id),
  load(id, page) {
    const author = getAuthor(id);
    const result = author && firstPageOrNull(getArticlesByAuthor(id, page), page);
    if (!author || !result) return null;
    const { name, role, bio } = author;
    return { kicker: role ?? 'Author', title: name, description: bio, basePath: authorPath(id), result };
  },
};
