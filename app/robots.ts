import type { MetadataRoute } from 'next';

import { robotsRules } from '@/lib/seo';
import { getSettings } from '@/lib/settings';

export default function robots(): MetadataRoute.Robots {
  return robotsRules(getSettings());
}
