import { builtinModules } from 'node:module';

import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

// Folders of lib/ with an entry module (index.ts): the rest of the code
// imports the entry, never the files behind it.
const FEATURES = ['comments', 'content', 'http', 'i18n', 'moderation', 'publishing', 'seo', 'social-image'];

// Parts of a feature that the browser bundle may include; they are not
// behind the entry because the entry is server-only.
const CLIENT_PARTS = ['@/lib/comments/form'];

// What a module that runs in the browser may import from lib/.
const CLIENT_SAFE_LIB = ['@/lib/routes', ...CLIENT_PARTS];

const SERVER_ONLY_PACKAGES = ['server-only', 'pg', 'better-sqlite3', ...builtinModules];

const layers = {
  group: ['@/app/*', '@/components/*'],
  message: 'lib/ is read by app/ and components/, never the reverse: move what both need into lib/.',
};

/** Imports of feature internals, except those of `own` (the folder being linted). */
function internals(own) {
  return {
    group: ['@/lib/*/*', ...(own ? [`!@/lib/${own}/*`] : []), ...CLIENT_PARTS.map((part) => `!${part}`)],
    message: 'Import the feature through its entry module (for example @/lib/content, not @/lib/content/load).',
  };
}

const noRelativeEscape = {
  group: ['../*'],
  message: 'Import across folders with the @/ alias; relative imports stay inside one folder.',
};

// 'use client' modules, and the lib/ modules they import, are bundled for
// the browser: no server-only module, no Node.js built-in, no database driver.
const clientBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep server-only modules out of code bundled for the browser.' },
    schema: [{ type: 'object', properties: { always: { type: 'boolean' } }, additionalProperties: false }],
  },
  create(context) {
    const always = context.options[0]?.always === true;
    let client = always;
    return {
      Program(program) {
        client ||= program.body.some((node) => node.type === 'ExpressionStatement' && node.directive === 'use client');
      },
      ImportDeclaration(node) {
        if (!client || node.importKind === 'type') return;
        const source = String(node.source.value);
        const bare = source.replace(/^node:/, '');
        const serverOnly =
          source.startsWith('node:') ||
          SERVER_ONLY_PACKAGES.includes(bare) ||
          (source.startsWith('@/lib/') && !CLIENT_SAFE_LIB.includes(source));
        if (serverOnly) {
          context.report({
            node: node.source,
            message: `"${source}" is server-only and this module is bundled for the browser; client code may import ${CLIENT_SAFE_LIB.join(', ')} from lib/.`,
          });
        }
      },
    };
  },
};

const dateline = { rules: { 'client-boundary': clientBoundary } };

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  globalIgnores([
    '.next/**',
    '.next-test/**',
    'node_modules/**',
    'data/**',
    'bench/out/**',
    'bench/results/**',
    'test-results/**',
    'playwright-report/**',
    'next-env.d.ts',
  ]),
  {
    plugins: { dateline },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // scripts/ name a module's type with import() where the module itself is loaded late, on purpose.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // Pictures are static files under public/, measured at build for width and height; no image server runs.
      '@next/next/no-img-element': 'off',
      'import/no-duplicates': ['error', { 'prefer-inline': true }],
      'dateline/client-boundary': 'error',
    },
  },
  {
    files: ['app/**', 'components/**', 'scripts/**', 'proxy.ts', 'instrumentation.ts', 'lib/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [internals(null), noRelativeEscape] }] },
  },
  ...FEATURES.map((feature) => ({
    files: [`lib/${feature}/**`],
    rules: { 'no-restricted-imports': ['error', { patterns: [layers, internals(feature), noRelativeEscape] }] },
  })),
  {
    files: ['lib/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layers, internals(null), noRelativeEscape] }] },
  },
  {
    // Loaded by next.config.ts outside the app's bundles: relative imports, no aliases.
    files: ['lib/routes.ts', 'lib/content/removed-routes.ts', 'lib/comments/form.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layers,
            { group: ['@/*'], message: 'This module is loaded without the @/ alias (next.config.ts, the browser): import relatively.' },
          ],
        },
      ],
      'dateline/client-boundary': ['error', { always: true }],
    },
  },
  {
    // Components render what lib/ gives them: no files, databases or environment.
    files: ['components/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings in lib/ (getSettings) and pass them as props.' },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: SERVER_ONLY_PACKAGES.filter((name) => name !== 'server-only').map((name) => ({
            name,
            message: 'Components render what lib/ gives them; read files and databases in lib/.',
          })),
          patterns: [
            internals(null),
            noRelativeEscape,
            { group: ['node:*'], message: 'Components render what lib/ gives them; use Node.js in lib/.' },
          ],
        },
      ],
    },
  },
]);
