import 'server-only';

import GithubSlugger from 'github-slugger';
import type { Element, Parents, Root } from 'hast';
import { headingRank } from 'hast-util-heading-rank';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const EXTERNAL = /^(?:https?:)?\/\//i;

// Sanitizing prefixes ids with `user-content-` but leaves hrefs alone.
const CLOBBER_PREFIX = 'user-content-';

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false;
}

/**
 * Runs after sanitizing, so what it adds survives: `rel="noopener"` on
 * external links, working footnote links, lazy images, and a scroll wrapper
 * around each table so wide tables scroll on phones instead of the page.
 */
export function rehypeArticleElements() {
  return (tree: Root): void => {
    const tables: Array<{ parent: Parents; table: Element }> = [];

    visit(tree, 'element', (node, _index, parent) => {
      const { properties } = node;
      if (node.tagName === 'a' && typeof properties.href === 'string') {
        const href = properties.href;
        const isFootnoteLink = isSet(properties.dataFootnoteRef) || isSet(properties.dataFootnoteBackref);
        if (isFootnoteLink && href.startsWith('#') && !href.startsWith(`#${CLOBBER_PREFIX}`)) {
          properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
        }
        if (EXTERNAL.test(href)) {
          properties.rel = ['noopener'];
        }
      } else if (node.tagName === 'img') {
        properties.loading = 'lazy';
        properties.decoding = 'async';
      } else if (node.tagName === 'table' && parent) {
        tables.push({ parent, table: node });
      }
    });

    for (const { parent, table } of tables) {
      const position = parent.children.indexOf(table);
      if (position === -1) continue;
      parent.children[position] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'] },
        children: [table],
      };
    }
  };
}

/**
 * Ids the page itself uses; a heading called "Top" or "Comments" gets `top-1`,
 * `comments-1` instead, so in-page links keep pointing at the page's parts.
 */
const RESERVED_IDS = ['top', 'main', 'comments', 'leave-a-reply'];

/** Stable GitHub-style heading ids (`## Who votes` → `who-votes`, repeats get `-1`). */
export function rehypeHeadingIds() {
  return (tree: Root): void => {
    const slugger = new GithubSlugger();
    for (const id of RESERVED_IDS) slugger.slug(id);
    visit(tree, 'element', (node) => {
      if (headingRank(node) && !node.properties.id) {
        node.properties.id = slugger.slug(toString(node));
      }
    });
  };
}
