import { afterEach, describe, expect, it, vi } from 'vitest';

import { absoluteUrl, buildSettingWarnings, parseSettings, SettingsError, unknownSettingWarnings } from '@/lib/settings';

function problemsOf(source: Parameters<typeof parseSettings>[0]): string {
  try {
    parseSettings(source);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    return (error as SettingsError).message;
  }
  throw new Error('expected the settings to be rejected');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('parseSettings', () => {
  it('fills in defaults when nothing is set', () => {
    expect(parseSettings({})).toEqual({
      siteUrl: 'http://localhost:3000',
      siteName: 'Dateline',
      siteDescription: expect.stringContaining('regional newsroom'),
      siteLang: 'en',
      publisherName: 'Dateline',
      publisherLogo: 'http://localhost:3000/logo.png',
      prerenderRecent: 2_000,
    });
  });

  it('reads PRERENDER_RECENT as a count or "all", and explains anything else', () => {
    expect(parseSettings({ PRERENDER_RECENT: '50' }).prerenderRecent).toBe(50);
    expect(parseSettings({ PRERENDER_RECENT: '0' }).prerenderRecent).toBe(0);
    expect(parseSettings({ PRERENDER_RECENT: ' ALL ' }).prerenderRecent).toBe(Number.POSITIVE_INFINITY);
    expect(() => parseSettings({ PRERENDER_RECENT: '2k' })).toThrow(
      'PRERENDER_RECENT: "2k" is not a number of articles; write e.g. PRERENDER_RECENT=2000, or PRERENDER_RECENT=all to prerender every article',
    );
  });

  it('treats blank variables as unset and trims values', () => {
    const settings = parseSettings({ SITE_URL: '  ', SITE_NAME: '  The Dateline  ', PUBLISHER_NAME: '' });
    expect(settings.siteUrl).toBe('http://localhost:3000');
    expect(settings.siteName).toBe('The Dateline');
    expect(settings.publisherName).toBe('The Dateline');
  });

  it('normalizes the origin: no trailing slash, lower-case host, no default port', () => {
    expect(parseSettings({ SITE_URL: 'https://News.Example.com:443/' }).siteUrl).toBe('https://news.example.com');
    expect(parseSettings({ SITE_URL: 'http://127.0.0.1:8080' }).siteUrl).toBe('http://127.0.0.1:8080');
  });

  it('canonicalizes the language tag', () => {
    expect(parseSettings({ SITE_LANG: 'fa-af' }).siteLang).toBe('fa-AF');
    expect(parseSettings({ SITE_LANG: 'ps' }).siteLang).toBe('ps');
  });

  it('resolves a logo path on the site origin and keeps an absolute logo URL', () => {
    expect(parseSettings({ SITE_URL: 'https://news.example.com', PUBLISHER_LOGO: '/brand/logo.png' }).publisherLogo).toBe(
      'https://news.example.com/brand/logo.png',
    );
    expect(parseSettings({ PUBLISHER_LOGO: 'https://cdn.example.org/logo.png' }).publisherLogo).toBe('https://cdn.example.org/logo.png');
  });

  it('names the variable and gives an example for a bad SITE_URL', () => {
    expect(problemsOf({ SITE_URL: 'news.example.com' })).toBe(
      'Invalid settings in the environment:\n' +
        '  - SITE_URL: "news.example.com" is not an absolute http(s) URL; ' +
        "set it to the site's public address, e.g. SITE_URL=https://news.example.com",
    );
    expect(problemsOf({ SITE_URL: 'ftp://news.example.com' })).toContain(
      'SITE_URL: "ftp://news.example.com" is not an absolute http(s) URL',
    );
    expect(problemsOf({ SITE_URL: 'https://news.example.com/en/' })).toContain(
      'SITE_URL: "https://news.example.com/en/" must be an origin only, without a path, query or fragment',
    );
    expect(problemsOf({ SITE_URL: 'https://user:secret@news.example.com' })).toContain('must not contain a user name or password');
  });

  it('reports every problem in one message', () => {
    const error = (() => {
      try {
        parseSettings({ SITE_URL: 'localhost', SITE_LANG: 'english please', PUBLISHER_LOGO: 'logo.png', SITE_NAME: 'x'.repeat(101) });
      } catch (caught) {
        return caught as SettingsError;
      }
      throw new Error('expected the settings to be rejected');
    })();
    expect(error.problems).toHaveLength(4);
    expect(error.message).toContain('SITE_URL: "localhost" is not an absolute http(s) URL');
    expect(error.message).toContain(
      'SITE_LANG: "english please" is not a BCP 47 language tag; write it like SITE_LANG=en or SITE_LANG=fa-AF',
    );
    expect(error.message).toContain(
      'PUBLISHER_LOGO: must be a path of a file under public/ starting with "/" (e.g. PUBLISHER_LOGO=/logo.png)',
    );
    expect(error.message).toContain('SITE_NAME: must be at most 100 characters');
  });

  it('rejects a protocol-relative logo, which would follow the page protocol', () => {
    expect(problemsOf({ PUBLISHER_LOGO: '//cdn.example.org/logo.png' })).toContain('PUBLISHER_LOGO:');
  });
});

describe('absoluteUrl', () => {
  const settings = { siteUrl: 'https://news.example.com' };

  it('prefixes site paths with the origin', () => {
    expect(absoluteUrl('/', settings)).toBe('https://news.example.com/');
    expect(absoluteUrl('/articles/budget-vote', settings)).toBe('https://news.example.com/articles/budget-vote');
    expect(absoluteUrl('feed.xml', settings)).toBe('https://news.example.com/feed.xml');
  });

  it('leaves absolute URLs alone', () => {
    expect(absoluteUrl('https://cdn.example.org/a.png', settings)).toBe('https://cdn.example.org/a.png');
  });
});

describe('getSettings', () => {
  it('reads the environment once and validates it', async () => {
    vi.stubEnv('SITE_URL', 'https://dateline.example.org/');
    vi.stubEnv('SITE_LANG', 'fa-AF');
    vi.resetModules();
    const { getSettings, absoluteUrl: absolute } = await import('@/lib/settings');
    expect(getSettings()).toMatchObject({ siteUrl: 'https://dateline.example.org', siteLang: 'fa-AF' });
    expect(absolute('/feed.xml')).toBe('https://dateline.example.org/feed.xml');
  });

  it('throws the full message for a bad environment', async () => {
    vi.stubEnv('SITE_URL', 'dateline');
    vi.resetModules();
    const { getSettings } = await import('@/lib/settings');
    expect(() => getSettings()).toThrow(/SITE_URL: "dateline" is not an absolute http\(s\) URL/);
  });
});

describe('the operator settings and misspelt variables', () => {
  it('refuses a short COMMENT_SECRET, a DATABASE_URL that is not PostgreSQL and a REDIS_URL that is not Redis, naming each', () => {
    const message = problemsOf({ COMMENT_SECRET: 'short', DATABASE_URL: 'mysql://db/x', REDIS_URL: 'http://cache:6379' });
    expect(message).toContain('REDIS_URL: must be a Redis URL, e.g. REDIS_URL=redis://cache.internal:6379/0');
    expect(() => parseSettings({ REDIS_URL: 'rediss://user:secret@cache.internal:6380/1' })).not.toThrow();
    expect(message).toContain('COMMENT_SECRET: is too short; use a random string of at least 32 characters');
    expect(message).toContain('DATABASE_URL: must be a PostgreSQL connection URL');
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address or a range, naming it', () => {
    expect(problemsOf({ TRUSTED_PROXIES: '127.0.0.1, nginx' })).toContain(
      'TRUSTED_PROXIES: "nginx" is not an IP address or a CIDR range; write e.g. TRUSTED_PROXIES=127.0.0.1',
    );
    expect(() => parseSettings({ TRUSTED_PROXIES: '127.0.0.1 10.0.0.0/24,fd00::/8' })).not.toThrow();
  });

  it('refuses an IMAGE_HOSTS entry that is an address or not a host name, with the form to write', () => {
    expect(problemsOf({ IMAGE_HOSTS: 'photos.agency.example, https://cdn.example/pictures' })).toContain(
      'IMAGE_HOSTS: "https://cdn.example/pictures" is an address, not a host: name the host only, e.g. images.example.com (pictures are always fetched over https); write e.g. IMAGE_HOSTS=images.example.com,photos.example.org',
    );
    expect(problemsOf({ IMAGE_HOSTS: 'localhost' })).toContain(
      'IMAGE_HOSTS: "localhost" is not a host name, e.g. images.example.com; write e.g. IMAGE_HOSTS=images.example.com,photos.example.org',
    );
    expect(() => parseSettings({ IMAGE_HOSTS: 'photos.agency.example cdn.example.org' })).not.toThrow();
  });

  it('warns when a page setting at start differs from the build’s, with how to fix it', () => {
    const built = JSON.stringify({ SITE_URL: 'https://news.example.com', SITE_NAME: '', SITE_LANG: 'en' });
    expect(buildSettingWarnings(built, { SITE_URL: 'https://news.example.com', SITE_LANG: ' en ' })).toEqual([]);
    expect(buildSettingWarnings(built, { SITE_URL: 'http://localhost:3000', SITE_NAME: 'Other', SITE_LANG: 'en' })).toEqual([
      "SITE_URL is http://localhost:3000 here but the pages were built with https://news.example.com: prerendered pages show the build's value and pages rendered from now on this one. Start the server with SITE_URL=https://news.example.com, or build again with the new value.",
      "SITE_NAME is Other here but the pages were built with it unset: prerendered pages show the build's value and pages rendered from now on this one. Start the server with SITE_NAME unset, or build again with the new value.",
    ]);
    // Outside a build's server (the command-line tools) there is nothing to compare with.
    expect(buildSettingWarnings(undefined, { SITE_URL: 'http://localhost:3000' })).toEqual([]);
  });

  it('warns about a DATELINE_* variable the code does not read, naming the closest setting', () => {
    expect(unknownSettingWarnings(['DATELINE_CONTNET_DIR', 'SITE_ULR', 'HOME', 'DATELINE_INTERNAL_BUILT_AT', 'SITE_URL'])).toEqual([
      'DATELINE_CONTNET_DIR is not a Dateline setting and is ignored; did you mean DATELINE_CONTENT_DIR?',
      'SITE_ULR is not a Dateline setting and is ignored; did you mean SITE_URL?',
    ]);
  });
});
