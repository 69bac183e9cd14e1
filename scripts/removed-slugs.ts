// `tsx --conditions=react-server scripts/removed-slugs.ts`: prints the slugs
// of the valid entries of removed.yml as a JSON array. next.config.ts runs it
// to build the rewrites that answer 410 Gone, so the address list comes from
// the same reading of the file as the content check and the server.
import { readRemovedSlugs } from '@/lib/content';
import { env } from '@/lib/env';

process.stdout.write(`${JSON.stringify(readRemovedSlugs(env.contentDir))}\n`);
