import 'server-only';

// The only module that reads process.env. Extended as features need settings.
export const env = {
  isProduction: process.env.NODE_ENV === 'production',
  contentDir: process.env.DATELINE_CONTENT_DIR ?? 'content',
} as const;
