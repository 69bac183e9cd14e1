import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');

function check(settings: Record<string, string>) {
  const env = { ...process.env, ...settings };
  for (const name of ['SITE_URL', 'SITE_NAME', 'SITE_DESCRIPTION', 'SITE_LANG', 'PUBLISHER_NAME', 'PUBLISHER_LOGO']) {
    if (!(name in settings)) delete env[name];
  }
  const result = spawnSync(process.execPath, [TSX, '--conditions=react-server', 'scripts/settings-check.ts'], {
    encoding: 'utf8',
    env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/settings-check.ts, run by the build', () => {
  it('passes quietly with the defaults and with valid settings', () => {
    expect(check({})).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(check({ SITE_URL: 'https://news.example.org', SITE_LANG: 'fa-af' })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('names every bad setting in one message, without a stack trace, and exits 1', () => {
    expect(check({ SITE_URL: 'news.example.org', PUBLISHER_LOGO: 'logo.png' })).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'Invalid settings in the environment:',
        '  - SITE_URL: "news.example.org" is not an absolute http(s) URL; set it to the site\'s public address, e.g. SITE_URL=https://news.example.com',
        '  - PUBLISHER_LOGO: must be a path of a file under public/ starting with "/" (e.g. PUBLISHER_LOGO=/logo.png) or an absolute http(s) URL (e.g. PUBLISHER_LOGO=https://news.example.com/logo.png)',
        '',
      ].join('\n'),
    });
  });
});
