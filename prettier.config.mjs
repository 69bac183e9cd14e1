/** @type {import('prettier').Config & import('@ianvs/prettier-plugin-sort-imports').PluginConfig} */
const config = {
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  printWidth: 140,
  plugins: ['@ianvs/prettier-plugin-sort-imports'],
  // The groups the code keeps: Node.js built-ins, packages, the app's own modules (@/), then siblings.
  importOrder: ['<BUILTIN_MODULES>', '', '<THIRD_PARTY_MODULES>', '', '^@/(.*)$', '', '^[.]'],
  importOrderTypeScriptVersion: '5.9.3',
};

export default config;
